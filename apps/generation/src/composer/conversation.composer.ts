import type { CatalogItem } from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';
import { AnswerBuilder, type ComposedAnswer } from './composed-answer';
import type { ComposeInput } from './compose-input';
import { ItemFacts } from './item-facts';
import { facetText } from './question-facets';
import { joinChoices } from './value-format';

/** A clarifying question offers at most this many series as options. */
const MAX_OPTIONS = 3;

const THANKS_JA = ['ありがと', '有難', '感謝', 'サンキュー', '助かりました', '助かる'];
const THANKS_EN = /\b(?:thanks?|thank you|thx|ty|appreciate|cheers)\b/;
const BYE_JA = ['さようなら', 'またね', 'バイバイ', 'おやすみ', '失礼します'];
const BYE_EN = /\b(?:bye|goodbye|see you|good night)\b/;

function capabilities(locale: LocaleCode): string {
  return locale === 'ja'
    ? '作品探し、価格や在庫、新刊の発売日や予約、ご注文、送料・返品・お支払いなどのストアのご案内をお手伝いできます。'
    : 'I can help you find titles, check prices and stock, look up release dates and preorders, and answer questions about your orders and store policies such as shipping, returns and payment.';
}

/** Greetings, thanks and goodbyes: a short friendly reply and what the assistant can do. */
export function composeGreeting(input: ComposeInput): ComposedAnswer {
  const { locale } = input;
  const text = facetText(input.question);
  const thanks = THANKS_JA.some((w) => text.includes(w)) || THANKS_EN.test(text);
  const bye = BYE_JA.some((w) => text.includes(w)) || BYE_EN.test(text);
  const builder = new AnswerBuilder(locale);
  if (thanks) {
    builder.say(
      locale === 'ja'
        ? 'どういたしまして！お役に立ててうれしいです。'
        : "You're welcome! Glad I could help.",
    );
  } else if (bye) {
    builder.say(
      locale === 'ja'
        ? 'ご利用ありがとうございました。またいつでもどうぞ！'
        : 'Thanks for stopping by. Come back any time!',
    );
  } else {
    builder.say(
      locale === 'ja'
        ? 'こんにちは！マンガのショッピングアシスタントです。'
        : "Hello! I'm the manga store's shopping assistant.",
    );
  }
  builder.say(capabilities(locale), locale === 'ja' ? 'お気軽にお尋ねください。' : 'Just ask!');
  return builder.build();
}

/** Anything the store assistant does not handle: a polite decline and what it can do. */
export function composeOutOfScope(input: ComposeInput): ComposedAnswer {
  const { locale } = input;
  return new AnswerBuilder(locale)
    .say(
      locale === 'ja'
        ? '申し訳ありません、そのご質問にはお答えできません。'
        : "Sorry, that's not something I can help with.",
      capabilities(locale),
    )
    .build();
}

/** The intent was unclear: ask, and offer the series that came back as options. */
export function composeClarify(input: ComposeInput, items: readonly CatalogItem[]): ComposedAnswer {
  const { locale } = input;
  const builder = new AnswerBuilder(locale);
  const options = items.slice(0, MAX_OPTIONS).map((item) => new ItemFacts(item, locale));
  if (options.length === 0) {
    return builder
      .say(
        locale === 'ja'
          ? 'すみません、ご質問の内容をもう少し詳しく教えていただけますか？'
          : 'Sorry, could you tell me a bit more about what you are looking for?',
        locale === 'ja'
          ? '作品名や、知りたいこと（価格、発売日、在庫、ご注文、送料など）を教えてください。'
          : 'For example, the title and what you would like to know (price, release date, stock, your order, shipping).',
      )
      .build();
  }
  const titles = joinChoices(
    options.map((o) => o.quotedTitle),
    locale,
  );
  builder.say(
    locale === 'ja'
      ? `すみません、どの作品のことか確認させてください。${titles}のうち、どれについてお知りになりたいですか？`
      : `Just to make sure I get it right: do you mean ${titles}?`,
    locale === 'ja'
      ? '知りたいこと（価格、巻数、発売日など）もあわせて教えてください。'
      : 'Let me know which one, and what you would like to know (price, volumes, release date).',
  );
  for (const option of options) builder.cite(option.id, option.title);
  return builder.build();
}
