import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches } from './text-span';

// 12 digits, plain or as 4-4-4 with one consistent separator; a fourth group means it is
// something longer (a card), so it does not qualify.
const MY_NUMBER = /(?<![\d-])\d{4}([ -]?)\d{4}\1\d{4}(?![ -]?\d)/g;
const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The check digit of the Individual Number (My Number) for its first 11 digits. */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * WEIGHTS[i];
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function myNumberValid(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits) === Number(digits[11]);
}

// Delivery slips and order systems also print 12-digit numbers in 4-4-4 groups; one in ten of
// them passes the check digit by chance. A number labelled as one of those is not My Number.
const OTHER_NUMBER_LABEL =
  /(?:追跡番号|伝票番号|問い合わせ番号|お問い合わせ番号|送り状番号|荷物番号|受付番号|会員番号|注文番号|tracking(?: number| no\.?| #)?|waybill(?: number)?|reference(?: number| no\.?)?|member(?:ship)? (?:number|no\.?|id))[\s:：#は]*$/iu;

export class MyNumberDetector implements PiiDetector {
  readonly type = 'MY_NUMBER' as const;

  detect(text: string): PiiCandidate[] {
    if (!/\d{4}/.test(text)) return [];
    return collectMatches(MY_NUMBER, text, (m) => {
      if (!myNumberValid(m[0].replace(/[ -]/g, ''))) return undefined;
      if (OTHER_NUMBER_LABEL.test(text.slice(Math.max(0, m.index - 24), m.index))) return undefined;
      return { type: this.type, start: m.index, end: m.index + m[0].length };
    });
  }
}
