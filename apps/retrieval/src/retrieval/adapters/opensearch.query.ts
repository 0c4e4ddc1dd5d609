import { FIELD_BOOSTS, SEARCH_FIELDS, type SearchField } from '../analysis/index-fields';
import type { DocumentFilter, DocumentKindName } from '../document-filter';
import type { KindWeights } from '../search-index';
import { EMBEDDING_FIELD } from './opensearch.index-template';

type Clause = Record<string, unknown>;

const KINDS: readonly DocumentKindName[] = ['item', 'policy'];

/**
 * Typo tolerance: one edit for analyzed terms of five letters or more, none below (so none for
 * Japanese bigrams) and never two: a two-edit automaton is built per term and field and cost
 * up to 180 ms a query on the dev set, while one edit found the same misspellings.
 */
const FUZZINESS = 'AUTO:5,64';
/**
 * Fuzzy variants per query token and field. With MAX_QUERY_TOKENS tokens over nine fields the
 * query stays below 1,024 clauses, the default indices.query.bool.max_clause_count.
 */
export const MAX_EXPANSIONS = 3;

/**
 * The filter as bool clauses. Item properties narrow items only and policy topics policies
 * only, exactly as passesFilter reads a DocumentFilter: a document passes when it is an item
 * passing every item clause or a policy passing every policy clause.
 */
export function filterClauses(filter: DocumentFilter): Clause[] {
  const clauses: Clause[] = [];
  if (filter.ids) clauses.push({ terms: { doc_id: [...filter.ids] } });
  if (filter.kind) clauses.push({ term: { kind: filter.kind } });
  const item: Clause[] = [];
  if (filter.demographics) item.push({ terms: { demographic: [...filter.demographics] } });
  if (filter.statuses) item.push({ terms: { status: [...filter.statuses] } });
  if (filter.format) item.push({ term: { formats: filter.format } });
  if (filter.inStockOnly) item.push({ term: { in_stock: true } });
  if (filter.maxAgeRank !== undefined)
    item.push({ range: { age_rank: { lte: filter.maxAgeRank } } });
  if (filter.maxPriceJpy !== undefined) {
    const field = filter.format ? `price_${filter.format}` : 'price_min';
    item.push({ range: { [field]: { lte: filter.maxPriceJpy } } });
  }
  const policy: Clause[] = [];
  if (filter.policyTopics) policy.push({ terms: { topic: [...filter.policyTopics] } });
  if (item.length > 0 || policy.length > 0) {
    clauses.push({
      bool: {
        should: [
          { bool: { filter: [{ term: { kind: 'item' } }, ...item] } },
          { bool: { filter: [{ term: { kind: 'policy' } }, ...policy] } },
        ],
        minimum_should_match: 1,
      },
    });
  }
  return clauses;
}

/** Kinds weighted 0 are excluded outright rather than scored 0. */
function kindClauses(weights: KindWeights): { mustNot: Clause[]; functions: Clause[] } {
  const mustNot: Clause[] = [];
  const functions: Clause[] = [];
  for (const kind of KINDS) {
    const weight = weights[kind];
    if (!(weight > 0)) mustNot.push({ term: { kind } });
    else if (weight !== 1) functions.push({ filter: { term: { kind } }, weight });
  }
  return { mustNot, functions };
}

export function searchableKinds(weights: KindWeights): boolean {
  return KINDS.some((kind) => weights[kind] > 0);
}

/**
 * BM25 over every search field, one named `match` per field: OpenSearch reports each named
 * query's score on the hit (include_named_queries_score), so rerank gets per-field scores
 * without an explain. The field boosts are the embedded index's; the kind weights multiply.
 * Ties break by id, as in the embedded index.
 */
export function lexicalSearchBody(
  text: string,
  filter: DocumentFilter,
  weights: KindWeights,
  limit: number,
) {
  const { mustNot, functions } = kindClauses(weights);
  const should = SEARCH_FIELDS.map((field) => ({
    match: {
      [field]: {
        query: text,
        boost: FIELD_BOOSTS[field],
        fuzziness: FUZZINESS,
        prefix_length: 1,
        max_expansions: MAX_EXPANSIONS,
        _name: field,
      },
    },
  }));
  const bool = {
    bool: { should, minimum_should_match: 1, filter: filterClauses(filter), must_not: mustNot },
  };
  return {
    size: limit,
    track_total_hits: false,
    track_scores: true,
    _source: ['document'],
    sort: [{ _score: { order: 'desc' } }, { doc_id: { order: 'asc' } }],
    query:
      functions.length > 0
        ? {
            function_score: { query: bool, functions, score_mode: 'first', boost_mode: 'multiply' },
          }
        : bool,
  };
}

/** Approximate nearest neighbours (HNSW), filtered inside the graph search (Lucene engine). */
export function vectorSearchBody(
  vector: Float32Array,
  filter: DocumentFilter,
  weights: KindWeights,
  k: number,
) {
  const { mustNot } = kindClauses(weights);
  const clauses = filterClauses(filter);
  const knn = {
    vector: [...vector],
    k,
    ...(clauses.length > 0 || mustNot.length > 0
      ? { filter: { bool: { filter: clauses, must_not: mustNot } } }
      : {}),
  };
  return {
    size: k,
    track_total_hits: false,
    _source: ['document'],
    query: { knn: { [EMBEDDING_FIELD]: knn } },
  };
}

/** The documents with these ids that pass the filter; order is restored by the caller. */
export function fetchBody(ids: readonly string[], filter: DocumentFilter) {
  return {
    size: ids.length,
    track_total_hits: false,
    _source: ['document'],
    query: { bool: { filter: [{ ids: { values: [...ids] } }, ...filterClauses(filter)] } },
  };
}

/** Per-field BM25 from the named queries' scores, boosts divided back out. */
export function fieldScoresOf(
  matched: Record<string, number> | string[] | undefined,
): Partial<Record<SearchField, number>> {
  const scores: Partial<Record<SearchField, number>> = {};
  if (!matched || Array.isArray(matched)) return scores;
  for (const field of SEARCH_FIELDS) {
    const score = matched[field];
    if (typeof score === 'number' && score > 0) scores[field] = score / FIELD_BOOSTS[field];
  }
  return scores;
}
