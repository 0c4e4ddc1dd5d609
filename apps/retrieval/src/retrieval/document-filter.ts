import type { Document } from '@mangaassist/contracts';
import { catalogRecordSchema, policyRecordSchema } from '@mangaassist/store-data';

export type DocumentKindName = 'item' | 'policy';
export type FormatName = 'print' | 'kindle';

// The allowed values come from the store-data record schemas, so a new label in the data
// cannot silently become unfilterable here.
export const DEMOGRAPHICS: readonly string[] = catalogRecordSchema.shape.demographic.options;
export const STATUSES: readonly string[] = catalogRecordSchema.shape.status.options;
export const AGE_RATINGS: readonly string[] = catalogRecordSchema.shape.age_rating.options;
export const POLICY_TOPICS: readonly string[] = policyRecordSchema.shape.topic.options;

/**
 * A validated Filters message. Item properties (demographic, status, format, stock, age, price)
 * only narrow items and policy_topics only narrows policies; `kind` is what excludes a kind.
 */
export interface DocumentFilter {
  kind?: DocumentKindName;
  demographics?: ReadonlySet<string>;
  statuses?: ReadonlySet<string>;
  format?: FormatName;
  inStockOnly: boolean;
  /** Index into AGE_RATINGS of the highest rating allowed. */
  maxAgeRank?: number;
  maxPriceJpy?: number;
  policyTopics?: ReadonlySet<string>;
  ids?: ReadonlySet<string>;
}

export const NO_FILTER: DocumentFilter = { inStockOnly: false };

/** What filters look at, computed once per document at index time. */
export type DocumentFacts =
  | {
      kind: 'item';
      id: string;
      demographic: string;
      status: string;
      formats: ReadonlySet<string>;
      printStock: string;
      ageRank: number;
      prices: { print?: number; kindle?: number };
    }
  | { kind: 'policy'; id: string; topic: string };

export function documentFacts(document: Document): DocumentFacts | undefined {
  const content = document.content;
  if (content.case === 'policy') {
    return { kind: 'policy', id: content.value.id, topic: content.value.topic };
  }
  if (content.case !== 'item') return undefined;
  const item = content.value;
  return {
    kind: 'item',
    id: item.id,
    demographic: item.demographic,
    status: item.status,
    formats: new Set(item.formats),
    printStock: item.stockPrint,
    // An unknown rating counts as the strictest, so a bad record never leaks past a limit.
    ageRank: AGE_RATINGS.includes(item.ageRating)
      ? AGE_RATINGS.indexOf(item.ageRating)
      : AGE_RATINGS.length,
    prices: { print: item.priceJpy?.print, kindle: item.priceJpy?.kindle },
  };
}

const IN_STOCK = new Set(['in_stock', 'low_stock']);

export function passesFilter(facts: DocumentFacts, filter: DocumentFilter): boolean {
  if (filter.ids && !filter.ids.has(facts.id)) return false;
  if (filter.kind && filter.kind !== facts.kind) return false;
  if (facts.kind === 'policy') {
    return !filter.policyTopics || filter.policyTopics.has(facts.topic);
  }
  if (filter.demographics && !filter.demographics.has(facts.demographic)) return false;
  if (filter.statuses && !filter.statuses.has(facts.status)) return false;
  if (filter.format && !facts.formats.has(filter.format)) return false;
  if (filter.inStockOnly && !IN_STOCK.has(facts.printStock)) return false;
  if (filter.maxAgeRank !== undefined && facts.ageRank > filter.maxAgeRank) return false;
  if (filter.maxPriceJpy !== undefined) {
    const price = volumePrice(facts.prices, filter.format);
    if (price === undefined || price > filter.maxPriceJpy) return false;
  }
  return true;
}

/** The price that counts against a limit: the asked format's, else the cheapest sold one. */
function volumePrice(
  prices: { print?: number; kindle?: number },
  format: FormatName | undefined,
): number | undefined {
  if (format) return prices[format];
  const sold = [prices.print, prices.kindle].filter((p): p is number => p !== undefined);
  return sold.length > 0 ? Math.min(...sold) : undefined;
}
