import {
  DocumentKind,
  DocumentKindSchema,
  Format,
  FormatSchema,
  type Filters,
  IntentSchema,
  LocaleSchema,
  type SearchRequest,
} from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';
import type { DescEnum } from '@bufbuild/protobuf';
import {
  AGE_RATINGS,
  DEMOGRAPHICS,
  type DocumentFilter,
  type DocumentKindName,
  POLICY_TOPICS,
  STATUSES,
} from './document-filter';
import { kindWeights, preferredKind } from './intent-prior';
import type { KindWeights } from './search-index';

export const MAX_QUERY_CHARS = 2000;
export const DEFAULT_TOP_K = 20;
export const MAX_TOP_K = 100;
export const MAX_TITLE_IDS = 50;
export const MAX_FILTER_IDS = 200;
export const MAX_FILTER_VALUES = 20;

const ITEM_ID = /^MA-\d{4,}$/;
const DOCUMENT_ID = /^(MA-\d{4,}|POL-\d{3,})$/;

/** A validated search: what the service runs. */
export interface SearchPlan {
  query: string;
  topK: number;
  filter: DocumentFilter;
  preferredKind: DocumentKindName | undefined;
  kindWeights: KindWeights;
  /** Entity title ids, best first, deduplicated. */
  titleIds: string[];
}

/** Validates a SearchRequest; every problem is an INVALID_ARGUMENT naming the field. */
export function parseSearchRequest(request: SearchRequest): SearchPlan {
  const chars = [...request.query].length;
  if (request.query.trim() === '') throw invalidArgument('query: must not be empty');
  if (chars > MAX_QUERY_CHARS) {
    throw invalidArgument(`query: must be at most ${MAX_QUERY_CHARS} characters (got ${chars})`);
  }
  if (request.topK > MAX_TOP_K) {
    throw invalidArgument(`top_k: must be 0 to ${MAX_TOP_K} (got ${request.topK})`);
  }
  checkEnum('locale', LocaleSchema, request.locale);
  checkEnum('intent', IntentSchema, request.intent);
  const titleIds = [...new Set(request.entities?.titleIds ?? [])];
  if (titleIds.length > MAX_TITLE_IDS) {
    throw invalidArgument(`entities.title_ids: at most ${MAX_TITLE_IDS} ids`);
  }
  const badTitle = titleIds.find((id) => !ITEM_ID.test(id));
  if (badTitle !== undefined) {
    throw invalidArgument(
      `entities.title_ids: ${quote(badTitle)} is not a catalog id like MA-0001`,
    );
  }
  const preferred = preferredKind(request.intent);
  return {
    query: request.query,
    topK: request.topK === 0 ? DEFAULT_TOP_K : request.topK,
    filter: parseFilters(request.filters),
    preferredKind: preferred,
    kindWeights: kindWeights(preferred),
    titleIds,
  };
}

export function parseFilters(filters: Filters | undefined): DocumentFilter {
  if (!filters) return { inStockOnly: false };
  checkEnum('filters.kind', DocumentKindSchema, filters.kind);
  checkEnum('filters.format', FormatSchema, filters.format);
  const filter: DocumentFilter = { inStockOnly: filters.inStockOnly };
  if (filters.kind === DocumentKind.ITEM) filter.kind = 'item';
  if (filters.kind === DocumentKind.POLICY) filter.kind = 'policy';
  if (filters.format === Format.PRINT) filter.format = 'print';
  if (filters.format === Format.KINDLE) filter.format = 'kindle';
  filter.demographics = valueSet('filters.demographics', filters.demographics, DEMOGRAPHICS);
  filter.statuses = valueSet('filters.statuses', filters.statuses, STATUSES);
  filter.policyTopics = valueSet('filters.policy_topics', filters.policyTopics, POLICY_TOPICS);
  const rating = filters.maxAgeRating.trim().toLowerCase();
  if (rating !== '') {
    if (!AGE_RATINGS.includes(rating)) {
      throw invalidArgument(
        `filters.max_age_rating: unknown value ${quote(filters.maxAgeRating)}; allowed: ${AGE_RATINGS.join(', ')}`,
      );
    }
    filter.maxAgeRank = AGE_RATINGS.indexOf(rating);
  }
  if (filters.maxPriceJpy > 0) filter.maxPriceJpy = filters.maxPriceJpy;
  if (filters.ids.length > MAX_FILTER_IDS) {
    throw invalidArgument(`filters.ids: at most ${MAX_FILTER_IDS} ids (got ${filters.ids.length})`);
  }
  const badId = filters.ids.find((id) => !DOCUMENT_ID.test(id));
  if (badId !== undefined) {
    throw invalidArgument(
      `filters.ids: ${quote(badId)} is not a document id like MA-0001 or POL-001`,
    );
  }
  if (filters.ids.length > 0) filter.ids = new Set(filters.ids);
  return filter;
}

/** The values as a set (undefined when empty), each one of the allowed labels. */
function valueSet(
  field: string,
  values: readonly string[],
  allowed: readonly string[],
): ReadonlySet<string> | undefined {
  if (values.length === 0) return undefined;
  if (values.length > MAX_FILTER_VALUES) {
    throw invalidArgument(`${field}: at most ${MAX_FILTER_VALUES} values (got ${values.length})`);
  }
  const set = new Set<string>();
  for (const value of values) {
    const label = value.trim().toLowerCase();
    if (!allowed.includes(label)) {
      throw invalidArgument(
        `${field}: unknown value ${quote(value)}; allowed: ${allowed.join(', ')}`,
      );
    }
    set.add(label);
  }
  return set;
}

function checkEnum(field: string, schema: DescEnum, value: number): void {
  if (!schema.values.some((v) => v.number === value)) {
    throw invalidArgument(`${field}: unknown enum value ${value}`);
  }
}

/** A value echoed in an error, cut short so a huge value cannot bloat the reply. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
