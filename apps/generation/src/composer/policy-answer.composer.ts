import { Intent, type Policy } from '@mangaassist/contracts';
import { AnswerBuilder, type ComposedAnswer } from './composed-answer';
import type { ComposeInput } from './compose-input';
import { type PolicyExcerpt, policyExcerpt } from './policy-excerpt';

/** A second policy is added only when it covers at least this share of what the first does. */
const SECOND_POLICY_SHARE = 0.5;

/**
 * Words the answer needs whatever the shopper wrote: "I want a human" shares no word with
 * the sentence giving the staff's hours, so the hint supplies them.
 */
const INTENT_HINTS = new Map<Intent, string[]>([
  [Intent.HUMAN_HANDOFF, ['staff support', 'スタッフ サポート 対応']],
]);

/**
 * Answers store-policy turns (returns, shipping, account and payment, reaching a person) from
 * the best one or two policies: the title, then the sentences that answer the question, copied
 * verbatim so that fees, limits and hours are exactly the store's.
 */
export function composePolicyAnswer(
  input: ComposeInput,
  policies: readonly Policy[],
): ComposedAnswer {
  const { locale } = input;
  const builder = new AnswerBuilder(locale);
  const query = [input.question, ...(INTENT_HINTS.get(input.intent) ?? [])].join(' ');
  const first = policyExcerpt(policies[0], query, locale, {
    maxSentences: 3,
    includeOpening: true,
  });
  const second =
    policies.length > 1
      ? policyExcerpt(policies[1], query, locale, { maxSentences: 2, includeOpening: false })
      : undefined;
  const excerpts: PolicyExcerpt[] = [first];
  if (second && second.relevance > 0 && second.relevance >= first.relevance * SECOND_POLICY_SHARE) {
    excerpts.push(second);
  }

  if (input.intent === Intent.HUMAN_HANDOFF) {
    builder.say(
      locale === 'ja'
        ? 'スタッフへのお問い合わせについてご案内します。'
        : 'Here is how you can reach our staff.',
    );
  }
  for (const excerpt of excerpts) {
    const [opening, ...rest] = excerpt.sentences;
    const headed =
      locale === 'ja' ? `【${excerpt.title}】${opening}` : `${excerpt.title}: ${opening}`;
    builder.newLine().say(headed, ...rest);
    builder.cite(excerpt.id, excerpt.title);
  }
  return builder.build();
}
