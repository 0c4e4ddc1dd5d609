import type { Document } from '@mangaassist/contracts';
import type { SearchField } from './analysis/index-fields';
import type { DocumentFilter, DocumentKindName } from './document-filter';

export const SEARCH_INDEX = Symbol('SearchIndex');

/** How much each kind of document counts; 1 is neutral. */
export type KindWeights = Readonly<Record<DocumentKindName, number>>;

export interface IndexQuery {
  /** The shopper's text; the index analyzes it with the shared analyzer. */
  text: string;
  filter: DocumentFilter;
  kindWeights: KindWeights;
  /** How many hits to return at most, best first. */
  limit: number;
}

export interface IndexHit {
  id: string;
  /** Lexical score with kind weights applied; comparable only within one search. */
  score: number;
  document: Document;
  /** Unweighted lexical score per field; fields that did not match are absent. */
  fieldScores: Partial<Record<SearchField, number>>;
}

/** What an upsert changed. */
export interface UpsertResult {
  /** Documents whose id was not indexed before. */
  inserted: number;
  /** Documents that replaced an indexed one with different content. */
  updated: number;
  /** Documents identical to the indexed one (a repeated ingest changes nothing). */
  unchanged: number;
}

/**
 * The search index port. The embedded adapter is in-process (an inverted index written for
 * this service; a MiniSearch adapter is kept for comparison); an OpenSearch adapter implements
 * the same contract (search-index.contract.ts) with BM25 on the same fields.
 */
export interface SearchIndex {
  /** Replaces the whole corpus; searches keep using the old one until this resolves. */
  replaceAll(documents: readonly Document[]): Promise<void>;
  /**
   * Adds documents or replaces those with the same id, leaving the others; idempotent. The
   * ingest CLI uses it; an adapter without it is filled by replaceAll.
   */
  upsert?(documents: readonly Document[]): Promise<UpsertResult>;
  /** Lexical search; a query without searchable terms returns no hits. */
  search(query: IndexQuery): Promise<IndexHit[]>;
  /** The documents with these ids that pass the filter, in the order asked; unknown ids are skipped. */
  fetch(ids: readonly string[], filter: DocumentFilter): Promise<Document[]>;
  /** Identifies the indexed data and analyzer, for SearchResponse.index_version. */
  version(): string;
  /** How many documents are indexed. */
  size(): number;
}
