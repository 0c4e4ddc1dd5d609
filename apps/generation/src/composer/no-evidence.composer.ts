import { AnswerBuilder, type ComposedAnswer } from './composed-answer';
import type { ComposeInput } from './compose-input';

/**
 * What to say when a turn that needs evidence arrived without any: admit it and ask for
 * something to search with. States no facts and no numbers, so nothing can be ungrounded.
 */
export function composeNoCatalogMatch(input: ComposeInput): ComposedAnswer {
  const { locale } = input;
  return new AnswerBuilder(locale)
    .say(
      locale === 'ja'
        ? '申し訳ありません、該当する作品が見つかりませんでした。'
        : "I'm sorry, I couldn't find that in our catalog.",
      locale === 'ja'
        ? '作品名や作者名をもう一度確認して、お試しください。'
        : 'Could you check the title or the author name and try again?',
    )
    .build();
}

export function composeNoPolicyMatch(input: ComposeInput): ComposedAnswer {
  const { locale } = input;
  return new AnswerBuilder(locale)
    .say(
      locale === 'ja'
        ? '申し訳ありません、ご質問に当てはまるストアのご案内が見つかりませんでした。'
        : "I'm sorry, I couldn't find a store policy that answers that.",
      locale === 'ja' ? '別の言葉で言い換えていただけますか？' : 'Could you rephrase the question?',
    )
    .build();
}
