import type { TitleMention } from '../catalog/catalog-vocabulary';
import { SpanMask } from '../pii/span-mask';
import type { TextSpan } from '../pii/text-span';
import { dateKeys, findDates } from './date-mentions';

export type ClaimKind =
  'title' | 'date' | 'price' | 'volume' | 'percent' | 'duration' | 'year' | 'promise';

/** One checkable statement in an answer. */
export interface Claim extends TextSpan {
  kind: ClaimKind;
  /** The claim as written in the answer ("120巻", "¥528", "2026年12月4日", "ONE PIECE"). */
  text: string;
  /** Numbers (commas removed) that must all appear in the evidence; empty for titles/dates. */
  numbers: string[];
  /** Date lookup key, most specific first known part (2026-12-4, 12-4, 2026-12). */
  dateKey?: string;
  /** Catalog ids a title can mean. */
  ids?: readonly string[];
  /** "第5巻", "vol. 5": one volume of a series rather than a count of volumes. */
  ordinal?: boolean;
}

// Bounded digit runs: a 20,000-digit message must not make the unit rules backtrack for long.
const NUM = '(\\d{1,3}(?:,\\d{3}){1,4}|\\d{1,9}(?:\\.\\d{1,4})?)';
const RANGE = `(?:${NUM} ?(?:[〜~～\\-–]|to) ?)?`;

interface UnitRule {
  kind: ClaimKind;
  pattern: RegExp;
  ordinal?: boolean;
}

// Order matters: prices before volumes before bare years, so "2,000円" is a price, not a year.
const UNIT_RULES: UnitRule[] = [
  { kind: 'price', pattern: new RegExp(`(?:¥|￥|JPY ?)${RANGE}${NUM}`, 'gi') },
  { kind: 'price', pattern: new RegExp(`(?<![\\d,.])${RANGE}${NUM} ?(?:円|yen\\b|JPY\\b)`, 'gi') },
  { kind: 'volume', ordinal: true, pattern: /第 ?(\d{1,4}) ?巻|(?<![\d,.])(\d{1,4}) ?巻目/g },
  {
    kind: 'volume',
    ordinal: true,
    pattern: /\b(?:vol(?:ume)?s?\.?) ?#?(\d{1,4})(?: ?(?:[-–~]|to) ?(\d{1,4}))?(?!\d)/gi,
  },
  { kind: 'volume', ordinal: true, pattern: /\b(\d{1,4})(?:st|nd|rd|th) volume\b/gi },
  { kind: 'volume', pattern: new RegExp(`(?<![\\d,.])(?:全 ?)?${RANGE}(\\d{1,4}) ?巻`, 'g') },
  { kind: 'volume', pattern: /(?<![\d,.])(\d{1,4}) ?(?:volumes|vols\.?)(?![a-z])/gi },
  {
    kind: 'percent',
    pattern: new RegExp(`(?<![\\d,.])${NUM} ?(?:%|％|パーセント|percent\\b)`, 'gi'),
  },
  {
    kind: 'duration',
    pattern: new RegExp(
      `(?<![\\d,.])${RANGE}(\\d{1,3}) ?(?:営業日|日以内|日間|日後|か月|ヶ月|カ月|ヵ月|年間|business days?\\b|days?\\b|months?\\b|years?\\b)`,
      'gi',
    ),
  },
  { kind: 'year', pattern: /(?<![\d,.\-/])((?:19|20)\d{2})(?: ?年)?(?![\d,])/g },
];

function numberValue(raw: string): string {
  const plain = raw.replace(/,/g, '');
  return plain.includes('.') ? String(Number(plain)) : String(Number.parseInt(plain, 10));
}

/**
 * Checkable claims of a normalized answer: catalog titles (found by the caller), dates, then
 * numbers with a unit (prices, volumes, percentages, durations) and years. Numbers without a
 * unit and numbers inside a title (Mob Psycho 100) are not claims.
 */
export function extractClaims(text: string, titles: readonly TitleMention[]): Claim[] {
  const claims: Claim[] = titles.map((t) => ({
    kind: 'title',
    start: t.start,
    end: t.end,
    text: t.surface,
    numbers: [],
    ids: t.ids,
  }));
  const taken = SpanMask.of(titles, text.length);
  for (const date of findDates(text)) {
    if (taken.overlaps(date)) continue;
    taken.add(date);
    claims.push({
      kind: 'date',
      start: date.start,
      end: date.end,
      text: text.slice(date.start, date.end),
      numbers: [],
      dateKey: dateKeys(date)[0],
    });
  }
  for (const rule of UNIT_RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (taken.overlaps(span)) continue;
      const numbers = m
        .slice(1)
        .filter((g): g is string => g !== undefined)
        .map(numberValue);
      if (numbers.length === 0) continue;
      taken.add(span);
      claims.push({ kind: rule.kind, ...span, text: m[0].trim(), numbers, ordinal: rule.ordinal });
    }
  }
  return dedupe(claims).sort((a, b) => a.start - b.start);
}

/** The same claim made twice ("528円 ... 528円") is counted once. */
function dedupe(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key =
      c.kind === 'title'
        ? `title:${(c.ids ?? []).join(',')}`
        : `${c.kind}:${c.dateKey ?? ''}:${c.numbers.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
