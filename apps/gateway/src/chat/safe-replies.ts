import type { LocaleCode } from '@mangaassist/text';

/** Fixed replies for turns the assistant must not or cannot answer; they state no facts. */
const REPLIES = {
  inputBlocked: {
    ja: '申し訳ありませんが、そのご依頼にはお応えできません。作品、価格、発売日、ご注文、ストアのポリシーについてのご質問でしたらお手伝いします。',
    en: "Sorry, I can't help with that request. I'm happy to help with titles, prices, release dates, your orders and store policies.",
  },
  outputBlocked: {
    ja: '申し訳ありません、確かな情報に基づいてお答えできませんでした。質問を言い換えていただくか、作品名を添えてもう一度お試しください。',
    en: "Sorry, I couldn't give you an answer I can back up with our catalog. Could you rephrase, or include the series title?",
  },
  unavailable: {
    ja: '申し訳ありません、ただいまアシスタントが混み合っているか一時的に利用できません。少し時間をおいてもう一度お試しください。',
    en: 'Sorry, the assistant is temporarily unavailable. Please try again in a moment.',
  },
  generationFailed: {
    ja: '申し訳ありません、回答の作成中にエラーが発生しました。もう一度お試しください。',
    en: 'Sorry, something went wrong while writing the answer. Please try again.',
  },
} as const;

export type SafeReply = keyof typeof REPLIES;

export function safeReply(kind: SafeReply, locale: LocaleCode): string {
  return REPLIES[kind][locale];
}
