import type { PiiCandidate, PiiDetector } from './pii-detector';
import { resolveOverlaps } from './overlap-resolution';
import { collectMatches } from './text-span';

// North American numbers: (415) 555-0132, 415-555-0132, 415.555.0132, +1 415 555 0132. The
// groups must be separated (a bare 10-digit run is left to the Japanese rules), and area code
// and exchange start with 2-9, so Japanese numbers (leading 0) and dates never qualify.
const NANP =
  /(?<![\d+\w-])(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?![\d-])/g;
// Other countries in E.164 with separators: +44 20 7946 0958, +33 1 42 68 53 00, +49-30-1234567.
// +81 is Japan's and handled by PhoneDetector with its stricter layout rules.
const E164 = /(?<![\d+\w])\+(?!81)[1-9]\d{0,2}(?:[ .-]\(?\d{1,4}\)?){2,5}(?![\d-])/g;
// A trailing extension: "x1234", "ext. 12" belongs to the number.
const EXTENSION = /^ ?(?:x|ext\.?) ?\d{1,5}/i;

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** Phone numbers written the way North America and international (E.164) callers write them. */
export class InternationalPhoneDetector implements PiiDetector {
  readonly type = 'PHONE' as const;

  detect(text: string): PiiCandidate[] {
    if (!text.includes('+') && !/\d{3}/.test(text)) return [];
    const span = (m: RegExpExecArray): PiiCandidate => {
      const extension = EXTENSION.exec(text.slice(m.index + m[0].length));
      return {
        type: this.type,
        start: m.index,
        end: m.index + m[0].length + (extension ? extension[0].length : 0),
      };
    };
    // +1 numbers match both patterns: keep one span.
    return resolveOverlaps([
      ...collectMatches(NANP, text, span),
      ...collectMatches(E164, text, (m) => {
        const digits = digitCount(m[0]);
        return digits >= 8 && digits <= 15 ? span(m) : undefined;
      }),
    ]);
  }
}
