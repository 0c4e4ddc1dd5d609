import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches } from './text-span';

// 13 to 19 digits, optionally grouped by single spaces or hyphens.
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
const YEAR = /^(?:19|20)\d{2}$/;

/** The Luhn checksum every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Grouped numbers must look like a card as printed: groups of four with a shorter tail, or the
 * 4-6-5 / 4-6-4 layouts of Amex and Diners. A run of years ("2024 2025 2026 2027") is not a card
 * even when it happens to pass Luhn.
 */
function plausibleLayout(groups: readonly string[]): boolean {
  const digits = groups.join('').length;
  if (digits < 13 || digits > 19) return false;
  if (groups.length === 1) return true;
  if (groups.every((g) => YEAR.test(g))) return false;
  const lengths = groups.map((g) => g.length);
  if (lengths.join() === '4,6,5' || lengths.join() === '4,6,4') return true;
  const head = lengths.slice(0, -1);
  const tail = lengths[lengths.length - 1];
  return head.every((l) => l === 4) && tail >= 1 && tail <= 4;
}

interface GroupRun {
  text: string;
  start: number;
}

function groupRuns(candidate: string, offset: number): GroupRun[] {
  const runs: GroupRun[] = [];
  const pattern = /\d+/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(candidate)) !== null) runs.push({ text: m[0], start: offset + m.index });
  return runs;
}

export class CreditCardDetector implements PiiDetector {
  readonly type = 'CREDIT_CARD' as const;

  detect(text: string): PiiCandidate[] {
    if (!/\d{4}/.test(text)) return [];
    return collectMatches(CARD_CANDIDATE, text, (m) => this.bestCard(m[0], m.index));
  }

  /** The longest run of whole groups that is a valid card; a trailing extra group is common. */
  private bestCard(candidate: string, offset: number): PiiCandidate | undefined {
    const runs = groupRuns(candidate, offset);
    for (let size = runs.length; size >= 1; size--) {
      for (let from = 0; from + size <= runs.length; from++) {
        const slice = runs.slice(from, from + size);
        const groups = slice.map((r) => r.text);
        if (plausibleLayout(groups) && luhnValid(groups.join(''))) {
          const last = slice[slice.length - 1];
          return { type: this.type, start: slice[0].start, end: last.start + last.text.length };
        }
      }
    }
    return undefined;
  }
}
