import { normalizeText } from '@mangaassist/text';

export const MAX_PRICE_JPY = 10_000_000;

/** 1000, 1,000, 1.5 with an optional 万 (x10,000), 千 (x1,000) or k. */
const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(万|千|k)?`;
const YEN_AFTER = String.raw`\s*(?:円|yen|jpy|¥)`;
const JA_LIMIT = String.raw`\s*(?:以下|まで|未満|以内|より(?:安い|下|低い)|を超えない|くらいまで|程度まで)`;
const EN_LIMIT = String.raw`(?:under|below|less\s+than|cheaper\s+than|lower\s+than|no\s+more\s+than|not\s+more\s+than|at\s+most|max(?:imum)?|up\s+to|within|budget(?:\s+is|\s+of)?)\s*(?:price\s+)?(?:of\s+)?`;

/** Each pattern captures the amount in group 1 and its multiplier in group 2. */
const PATTERNS: RegExp[] = [
  // 1000円以下, ¥1,000まで, 1万円以内
  new RegExp(String.raw`(?:¥\s*)?${AMOUNT}${YEN_AFTER}?${JA_LIMIT}`, 'giu'),
  // 予算は3000円, 予算3千円
  new RegExp(String.raw`予算\s*(?:は|:)?\s*(?:¥\s*)?${AMOUNT}\s*円`, 'giu'),
  // under 1000 yen, below ¥500, less than 1,000 JPY
  new RegExp(String.raw`\b${EN_LIMIT}(?:¥|jpy\s*|yen\s*)${AMOUNT}`, 'giu'),
  new RegExp(String.raw`\b${EN_LIMIT}${AMOUNT}${YEN_AFTER}`, 'giu'),
  // 1000 yen or less, ¥800 max
  new RegExp(
    String.raw`(?:¥\s*)?${AMOUNT}${YEN_AFTER}?\s*(?:or\s+less|or\s+under|or\s+cheaper|max(?:imum)?\b|tops\b)`,
    'giu',
  ),
];
/** 千円以下 and 1千円 with no digits before 千 mean one thousand. */
const KANJI_THOUSAND = /(?<![\d万])千円(?:以下|まで|未満|以内)/u;

/**
 * The upper price limit a shopper gave, in yen, or 0. A bare number with no currency and no
 * limit word ("under 1000") is not taken: it may count volumes or pages.
 */
export function extractMaxPrice(text: string): number {
  const normalized = normalizeText(text).replace(/[￥\\]/g, '¥');
  let best: { at: number; yen: number } | undefined;
  for (const pattern of PATTERNS) {
    for (const match of normalized.matchAll(pattern)) {
      const yen = toYen(match[1], match[2]);
      if (!hasCurrency(match[0]) || yen <= 0) continue;
      if (!best || match.index < best.at) best = { at: match.index, yen };
      break;
    }
  }
  if (!best) {
    const thousand = KANJI_THOUSAND.exec(normalized);
    if (thousand) best = { at: thousand.index, yen: 1000 };
  }
  return best && best.yen <= MAX_PRICE_JPY ? best.yen : 0;
}

function hasCurrency(matched: string): boolean {
  return /円|yen|jpy|¥/iu.test(matched);
}

function toYen(amount: string, multiplier: string | undefined): number {
  const value = Number(amount.replace(/,/g, ''));
  const factor =
    multiplier === '万'
      ? 10_000
      : multiplier === '千' || multiplier?.toLowerCase() === 'k'
        ? 1000
        : 1;
  const yen = Math.round(value * factor);
  return Number.isFinite(yen) ? yen : 0;
}
