import { Intent, Route } from '@mangaassist/contracts';
import { normalizeText } from '@mangaassist/text';
import { detectFacets } from '../composer/question-facets';
import { mentions } from '../composer/focus-item';
import type { AnswerRequest, ModelTier } from '../generation/answer-provider';

/** Questions with this many facets ("author, price and next volume?") go to the strong tier. */
const MANY_FACETS = 3;
/** Long questions are usually several questions in one. */
const LONG_QUESTION_CHARS = 240;

const COMPARE_JA = ['違い', '比較', '比べ', 'どっち', 'どちら', 'どれが', '差'];
const COMPARE_EN =
  /\b(?:compare|comparison|difference|differences|differ|versus|vs\.?|better|which one|which is|or should i)\b/;
const RECOMMEND_JA = [
  'おすすめ',
  'オススメ',
  'お勧め',
  '似た',
  '似てる',
  'みたいな',
  'ような作品',
  '他に',
];
const RECOMMEND_EN =
  /\b(?:recommend\w*|suggest\w*|similar|something like|anything like|if i (?:liked|like|enjoyed))\b/;

export interface TierChoice {
  tier: ModelTier;
  /** Why, for the logs: comparison, recommendation, many_facets, long_question or default. */
  reason: string;
}

/**
 * Picks the model tier of a turn that may use a model. A Haiku-class model writes most answers
 * well and cheaply; comparing series, recommending from taste, and many-part questions need
 * the reasoning of a Sonnet-class model, so those turns (and only those) pay for it.
 */
export function chooseTier(request: AnswerRequest): TierChoice {
  const text = normalizeText(request.question).toLowerCase();
  const items = request.evidence.flatMap((d) =>
    d.content.case === 'item' ? [d.content.value] : [],
  );
  const named = items.filter((item) => mentions(request.question, item)).length;
  if (named >= 2 || COMPARE_JA.some((w) => text.includes(w)) || COMPARE_EN.test(text)) {
    return { tier: 'strong', reason: 'comparison' };
  }
  if (
    request.intent === Intent.PRODUCT_SEARCH &&
    (RECOMMEND_JA.some((w) => text.includes(w)) || RECOMMEND_EN.test(text))
  ) {
    return { tier: 'strong', reason: 'recommendation' };
  }
  if (request.route !== Route.LLM && detectFacets(request.question).length >= MANY_FACETS) {
    return { tier: 'strong', reason: 'many_facets' };
  }
  if (Array.from(text).length > LONG_QUESTION_CHARS) {
    return { tier: 'strong', reason: 'long_question' };
  }
  return { tier: 'fast', reason: 'default' };
}
