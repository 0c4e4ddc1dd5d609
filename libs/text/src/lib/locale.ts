const JAPANESE_CHAR = /[\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uFF66-\uFF9F]/u;
const JAPANESE_CHARS = /[\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uFF66-\uFF9F]/gu;
const LATIN_LETTERS = /[A-Za-z]/g;

export type LocaleCode = 'ja' | 'en';

export function hasJapanese(text: string): boolean {
  return JAPANESE_CHAR.test(text);
}

/**
 * The language to answer in. Any kana or kanji makes a message Japanese unless it is a few
 * Japanese characters inside a mostly English sentence ("Is 鬼滅の刃 vol 23 out?" stays
 * English only when Latin letters clearly dominate).
 */
export function detectLocale(text: string): LocaleCode {
  const japanese = text.match(JAPANESE_CHARS)?.length ?? 0;
  if (japanese === 0) return 'en';
  const latin = text.match(LATIN_LETTERS)?.length ?? 0;
  return latin > japanese * 4 ? 'en' : 'ja';
}
