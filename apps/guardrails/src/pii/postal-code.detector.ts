import {
  MUNICIPALITY_EN_SOURCE,
  PREFECTURE_EN_SOURCE,
  PREFECTURE_STEM_JA_SOURCE,
} from './japan-places';
import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches, groupSpan } from './text-span';

const HYPHEN = '[-‐‑–−ー]';
const MARKED = new RegExp(`〒 ?\\d{3}${HYPHEN}?\\d{4}(?![\\d-])`, 'g');
const BARE = new RegExp(`(?<![\\d-〒])(?<!〒 )\\d{3}${HYPHEN}\\d{4}(?![\\d-])`, 'g');
const KEYWORD_PLAIN =
  /(?:郵便番号|zip(?: ?code)?|postal(?: ?code)?|post ?code)(?: is| =)?[\s:：は]*(\d{7})(?![\d-])/dgi;

/**
 * A bare 123-4567 is a postal code only in an address context: a prefecture, a municipality
 * (渋谷区, Shibuya-ku) or a word such as 住所 / address / zip near it. Elsewhere the same shape is
 * a product or reference number and stays.
 */
const ADDRESS_CONTEXT = new RegExp(
  [
    '住所',
    '郵便',
    '宛先',
    '届け先',
    '送り先',
    '配送先',
    PREFECTURE_STEM_JA_SOURCE,
    '[\\p{Script=Han}]{1,4}[市区町村郡]',
    '\\baddress',
    '\\bzip\\b',
    '\\bpostal',
    '\\bpost ?code',
    `\\b${PREFECTURE_EN_SOURCE}\\b`,
    `\\b[A-Z][a-z]+-${MUNICIPALITY_EN_SOURCE}\\b`,
    '\\bJapan\\b',
  ].join('|'),
  'iu',
);
const CONTEXT_WINDOW = 24;

export class PostalCodeDetector implements PiiDetector {
  readonly type = 'POSTAL_CODE' as const;

  detect(text: string): PiiCandidate[] {
    if (!/\d{3}/.test(text)) return [];
    const span = (start: number, end: number): PiiCandidate => ({ type: this.type, start, end });
    return [
      ...collectMatches(MARKED, text, (m) => span(m.index, m.index + m[0].length)),
      ...collectMatches(BARE, text, (m) =>
        this.inAddressContext(text, m.index, m.index + m[0].length)
          ? span(m.index, m.index + m[0].length)
          : undefined,
      ),
      ...collectMatches(KEYWORD_PLAIN, text, (m) => {
        const digits = groupSpan(m, 1);
        return digits ? span(digits.start, digits.end) : undefined;
      }),
    ];
  }

  private inAddressContext(text: string, start: number, end: number): boolean {
    const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start);
    const after = text.slice(end, end + CONTEXT_WINDOW);
    return ADDRESS_CONTEXT.test(before) || ADDRESS_CONTEXT.test(after);
  }
}
