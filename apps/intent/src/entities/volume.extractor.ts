import { normalizeText } from '@mangaassist/text';

export const MAX_VOLUME = 999;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const KANJI_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const NUMBER_WORD = Object.keys(NUMBER_WORDS).join('|');
const ORDINAL_WORD = Object.keys(ORDINAL_WORDS).join('|');

/**
 * Each pattern captures the number in group 1. A number right after 全 ("全3巻", a series of
 * three volumes) or after a range dash ("1〜3巻") names no single volume and is skipped.
 */
const PATTERNS: { pattern: RegExp; read: (raw: string) => number }[] = [
  {
    pattern:
      /(?<![全\d〜~\-–,.])第?\s*(\d{1,4})\s*(?:巻|冊目)(?![\d〜~\-–]|\s*(?:以内|以下|未満|程度|前後|くらい|ぐらい))/gu,
    read: Number,
  },
  {
    pattern: /(?<![全一二三四五六七八九十〜~])第?([一二三四五六七八九十]{1,3})(?:巻|冊目)/gu,
    read: kanjiNumber,
  },
  { pattern: /\bvol(?:ume)?s?\.?\s*(?:no\.?\s*|#\s*)?(\d{1,4})(?![\d-])/giu, read: Number },
  {
    pattern: new RegExp(`\\bvol(?:ume)?\\.?\\s+(${NUMBER_WORD})\\b`, 'giu'),
    read: (w) => NUMBER_WORDS[w.toLowerCase()] ?? 0,
  },
  { pattern: /\b(\d{1,4})(?:st|nd|rd|th)\s+(?:volume|vol\b|book)/giu, read: Number },
  {
    pattern: new RegExp(`\\b(${ORDINAL_WORD})\\s+(?:volume|vol\\b|book)`, 'giu'),
    read: (w) => ORDINAL_WORDS[w.toLowerCase()] ?? 0,
  },
  { pattern: /\bbook\s+(\d{1,3})\b(?![\d-])/giu, read: Number },
  { pattern: /(?<![\w&#-])#\s?(\d{1,4})(?![\d-])/gu, read: Number },
];

/** The volume a message asks about, 1..999, or 0 when none is named. */
export function extractVolume(text: string): number {
  const normalized = normalizeText(text);
  let best: { at: number; volume: number } | undefined;
  for (const { pattern, read } of PATTERNS) {
    for (const match of normalized.matchAll(pattern)) {
      const volume = read(match[1]);
      if (volume < 1 || volume > MAX_VOLUME) continue;
      if (!best || match.index < best.at) best = { at: match.index, volume };
      break;
    }
  }
  return best?.volume ?? 0;
}

/** 三 = 3, 十二 = 12, 二十三 = 23; enough for volume numbers written in kanji. */
export function kanjiNumber(text: string): number {
  const tenAt = text.indexOf('十');
  if (tenAt < 0) return text.length === 1 ? (KANJI_DIGITS[text] ?? 0) : 0;
  const tens = tenAt === 0 ? 1 : (KANJI_DIGITS[text.slice(0, tenAt)] ?? 0);
  const rest = text.slice(tenAt + 1);
  const ones = rest === '' ? 0 : (KANJI_DIGITS[rest] ?? 0);
  if (tenAt > 1 || rest.length > 1 || (rest !== '' && ones === 0)) return 0;
  return tens * 10 + ones;
}
