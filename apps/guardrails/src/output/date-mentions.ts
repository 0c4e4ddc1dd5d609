import { SpanMask } from '../pii/span-mask';
import type { TextSpan } from '../pii/text-span';

/** A calendar date as written: full (2026-12-04), month and day (12月4日), or year and month. */
export interface DateMention extends TextSpan {
  year?: number;
  month: number;
  day?: number;
}

// prettier-ignore
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

// Tried in order; a later pattern never takes text an earlier one matched.
const PATTERNS: {
  pattern: RegExp;
  parts: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end'>;
}[] = [
  {
    pattern: /(?<![\d-])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g,
    parts: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }),
  },
  {
    pattern: /((?:19|20)\d{2}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日/g,
    parts: (m) => ({ year: +m[1], month: +m[2], day: +m[3] }),
  },
  {
    pattern: /((?:19|20)\d{2}) ?年 ?(\d{1,2}) ?月/g,
    parts: (m) => ({ year: +m[1], month: +m[2] }),
  },
  {
    pattern: /(?<![\d年])(\d{1,2}) ?月 ?(\d{1,2}) ?日/g,
    parts: (m) => ({ month: +m[1], day: +m[2] }),
  },
  {
    pattern: new RegExp(
      `\\b${MONTH_NAME}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? ((?:19|20)\\d{2}))?\\b`,
      'g',
    ),
    parts: (m) => ({
      month: MONTHS[m[1].slice(0, 3).toLowerCase()],
      day: +m[2],
      year: m[3] ? +m[3] : undefined,
    }),
  },
  {
    pattern: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_NAME}\\.?(?:,? ((?:19|20)\\d{2}))?\\b`,
      'g',
    ),
    parts: (m) => ({
      month: MONTHS[m[2].slice(0, 3).toLowerCase()],
      day: +m[1],
      year: m[3] ? +m[3] : undefined,
    }),
  },
  {
    pattern: new RegExp(`\\b${MONTH_NAME} ((?:19|20)\\d{2})\\b`, 'g'),
    parts: (m) => ({ month: MONTHS[m[1].slice(0, 3).toLowerCase()], year: +m[2] }),
  },
];

function plausible(date: Omit<DateMention, 'start' | 'end'>): boolean {
  return (
    date.month >= 1 &&
    date.month <= 12 &&
    (date.day === undefined || (date.day >= 1 && date.day <= 31))
  );
}

/** Dates in ISO, Japanese and English forms, left to right, never overlapping. */
export function findDates(text: string): DateMention[] {
  // Most evidence text (synopses) has no digit at all; skip the seven patterns then.
  if (!/\d/.test(text)) return [];
  const found: DateMention[] = [];
  const taken = new SpanMask(text.length);
  for (const { pattern, parts } of PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (taken.overlaps(span)) continue;
      const date = parts(m);
      if (!plausible(date)) continue;
      taken.add(span);
      found.push({ ...span, ...date });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The lookup keys of a date in the evidence index: Y-M-D, M-D and Y-M as far as known. */
export function dateKeys(date: Omit<DateMention, 'start' | 'end'>): string[] {
  const keys: string[] = [];
  if (date.year !== undefined && date.day !== undefined)
    keys.push(`${date.year}-${date.month}-${date.day}`);
  if (date.day !== undefined) keys.push(`${date.month}-${date.day}`);
  if (date.year !== undefined) keys.push(`${date.year}-${date.month}`);
  return keys;
}
