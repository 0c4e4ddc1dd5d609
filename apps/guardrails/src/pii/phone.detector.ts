import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches } from './text-span';

// One separator between digit groups: hyphens of every width (NFKC keeps ‐ − and the katakana
// long-vowel mark that IMEs produce), a space, a dot or a middle dot (090・1234・5678).
const SEP = '[-‐‑‒–—―−ー.・ ]';
const OPT = `${SEP}?`;

/**
 * Japanese phone numbers. Candidates are found by shape and then validated by digit count and
 * group layout, so that prices, years, dates and 7-digit postal codes never qualify.
 */
const DOMESTIC_GROUPED = new RegExp(
  `(?<![\\d+-])0\\d{1,4}${SEP}\\d{1,4}${SEP}\\d{3,4}(?![\\d-])`,
  'g',
);
const DOMESTIC_PLAIN = /(?<![\d+-])0\d{9,10}(?![\d-])/g;
const DOMESTIC_PAREN = new RegExp(
  `(?<![\\d+-])(?:\\(0\\d{1,4}\\)${OPT}\\d{1,4}${OPT}\\d{4}|0\\d{1,4}\\(\\d{1,4}\\)\\d{4})(?![\\d-])`,
  'g',
);
const INTERNATIONAL = new RegExp(
  `(?<![\\d+])\\+81${OPT}(?:\\(0\\)${OPT})?[1-9]\\d{0,3}(?:${OPT}\\d{1,4}){1,2}${OPT}\\d{4}(?![\\d-])`,
  'g',
);

const MOBILE_PREFIX = /^0[5789]0/;
const TOLL_FREE_PREFIX = /^0(?:120|570|800)/;

function digitGroups(candidate: string): string[] {
  return candidate.split(/[^\d]+/).filter((g) => g.length > 0);
}

/** Domestic (0-prefixed) numbers: 11 digits for mobile/IP/0800, 10 for everything else. */
export function isDomesticPhone(groups: readonly string[]): boolean {
  const digits = groups.join('');
  if (!digits.startsWith('0') || digits.startsWith('00')) return false;
  const lengths = groups.map((g) => g.length);
  if (digits.length === 11) {
    if (!MOBILE_PREFIX.test(digits)) return false;
    if (groups.length === 1) return true;
    return (
      (lengths.join() === '3,4,4' && MOBILE_PREFIX.test(groups[0])) ||
      (lengths.join() === '4,3,4' && groups[0] === '0800')
    );
  }
  if (digits.length !== 10 || MOBILE_PREFIX.test(digits)) return false;
  if (groups.length === 1) return true;
  if (groups.length !== 3) return false;
  // 0120-123-456 and 0120-12-3456 are both in use.
  if (TOLL_FREE_PREFIX.test(groups[0])) return ['4,3,3', '4,2,4'].includes(lengths.join());
  // Landlines: area code and exchange together are always 6 digits, the subscriber part 4.
  return lengths[0] + lengths[1] === 6 && lengths[2] === 4;
}

/** +81 numbers: the national number without its leading 0 has 9 (landline) or 10 digits. */
export function isInternationalJapanesePhone(candidate: string): boolean {
  const national = candidate.replace(/^\+81/, '').replace(/\(0\)/, '').replace(/[^\d]/g, '');
  if (national.startsWith('0')) return false;
  if (national.length === 10) return /^[5789]0/.test(national) || national.startsWith('800');
  return national.length === 9;
}

export class PhoneDetector implements PiiDetector {
  readonly type = 'PHONE' as const;

  detect(text: string): PiiCandidate[] {
    if (!/\d{2}/.test(text)) return [];
    const span = (m: RegExpExecArray): PiiCandidate => ({
      type: this.type,
      start: m.index,
      end: m.index + m[0].length,
    });
    return [
      ...collectMatches(DOMESTIC_GROUPED, text, (m) =>
        isDomesticPhone(digitGroups(m[0])) ? span(m) : undefined,
      ),
      ...collectMatches(DOMESTIC_PLAIN, text, (m) =>
        isDomesticPhone([m[0]]) ? span(m) : undefined,
      ),
      ...collectMatches(DOMESTIC_PAREN, text, (m) =>
        isDomesticPhone(digitGroups(m[0])) ? span(m) : undefined,
      ),
      ...collectMatches(INTERNATIONAL, text, (m) =>
        isInternationalJapanesePhone(m[0]) ? span(m) : undefined,
      ),
    ];
  }
}
