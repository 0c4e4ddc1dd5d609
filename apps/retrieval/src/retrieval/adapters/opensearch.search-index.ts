import { createHash } from 'node:crypto';
import type { Document } from '@mangaassist/contracts';
import { queryTerms } from '../analysis/text-analyzer';
import type { DocumentFilter } from '../document-filter';
import type { Embedder } from '../embeddings/embedder';
import { embeddingText } from '../embeddings/embedding-text';
import { reciprocalRankFusion } from '../ranking/reciprocal-rank-fusion';
import type { IndexHit, IndexQuery, SearchIndex, UpsertResult } from '../search-index';
import { type OpenSearchConnection, OpenSearchError, OpenSearchHttp } from './opensearch.client';
import {
  type OpenSearchSource,
  type PreparedDocument,
  decodeDocument,
  prepareCorpus,
  prepareDocument,
} from './opensearch.documents';
import {
  GENERATION_SEPARATOR,
  type IndexTemplate,
  indexTemplate,
} from './opensearch.index-template';
import {
  fetchBody,
  fieldScoresOf,
  lexicalSearchBody,
  searchableKinds,
  vectorSearchBody,
} from './opensearch.query';

export const DEFAULT_OPENSEARCH_URL = 'http://127.0.0.1:9200';
export const DEFAULT_OPENSEARCH_INDEX = 'mangaassist-documents';
/** Lowercase, no leading '-', '_' or '.', and room for the generation suffix (255 bytes max). */
export const INDEX_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,150}$/;

export interface OpenSearchIndexOptions extends OpenSearchConnection {
  /** The alias searches go through; each replaceAll builds a new index behind it. */
  index?: string;
  /**
   * With an embedder, documents carry a knn_vector and a search is hybrid: BM25 and HNSW k-NN
   * in parallel, fused by reciprocal rank fusion. Without one, search is BM25 only.
   */
  embedder?: Embedder | null;
  /** Documents per _bulk request. */
  bulkSize?: number;
}

interface IndexState {
  version: string;
  size: number;
}

interface SearchHitBody {
  _id: string;
  _score: number | null;
  _source?: { document?: string };
  matched_queries?: Record<string, number> | string[];
}

interface SearchBody {
  hits?: { hits?: SearchHitBody[] };
}

interface IndexMeta {
  corpus_version?: string;
  documents?: number;
}

const EMPTY_STATE: IndexState = { version: 'opensearch-empty', size: 0 };
/** Longer queries add nothing to BM25 that their first 500 characters do not (tokens are capped too). */
const MAX_QUERY_CHARS = 500;
const MAX_FETCH_IDS = 1000;
const MAX_LIMIT = 1000;
/** Neighbours asked of the HNSW graph per search, at least. */
const MIN_KNN_CANDIDATES = 50;
const EMBED_BATCH = 64;
const SWAP_ATTEMPTS = 3;

/**
 * The SearchIndex on OpenSearch: BM25 over the same fields and boosts as the embedded index,
 * analyzed by the index template (opensearch.analysis.ts), filters as bool filters, per-field
 * scores from named queries, optional HNSW vectors for hybrid search.
 *
 * replaceAll builds a new index and swaps the alias atomically, so searches see the old corpus
 * until the new one is complete; a corpus identical to the one behind the alias (same version)
 * is not rebuilt, so restarting replicas agree without reindexing.
 */
export class OpenSearchSearchIndex implements SearchIndex {
  readonly alias: string;
  private readonly http: OpenSearchHttp;
  private readonly embedder: Embedder | null;
  private readonly bulkSize: number;
  private readonly template: IndexTemplate;
  private templateReady: Promise<void> | undefined;
  private state: IndexState = EMPTY_STATE;
  /** replaceAll and upsert run one at a time; each sees the result of the one before. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(options: OpenSearchIndexOptions) {
    this.alias = options.index ?? DEFAULT_OPENSEARCH_INDEX;
    if (!INDEX_NAME_PATTERN.test(this.alias)) {
      throw new OpenSearchError(
        `OpenSearch index "${this.alias}" must be lowercase letters, digits, "-" or "_"`,
      );
    }
    this.http = new OpenSearchHttp(options);
    this.embedder = options.embedder ?? null;
    this.bulkSize = Math.max(1, options.bulkSize ?? 500);
    this.template = indexTemplate(
      this.alias,
      this.embedder ? { dimensions: this.embedder.dimensions } : undefined,
    );
  }

  /** Whether searches also run k-NN (an embedder was given). */
  get hybrid(): boolean {
    return this.embedder !== null;
  }

  /** Reads version and size of the corpus already behind the alias (built by another process). */
  async open(): Promise<void> {
    const current = await this.aliasState();
    this.state =
      current.meta.corpus_version !== undefined
        ? { version: current.meta.corpus_version, size: current.meta.documents ?? 0 }
        : EMPTY_STATE;
  }

  replaceAll(documents: readonly Document[]): Promise<void> {
    return this.serialized(() => this.rebuild(prepareCorpus(documents)));
  }

  upsert(documents: readonly Document[]): Promise<UpsertResult> {
    return this.serialized(() => this.merge(documents));
  }

  async search(query: IndexQuery): Promise<IndexHit[]> {
    const limit = Math.min(Math.floor(query.limit), MAX_LIMIT);
    if (limit <= 0 || !searchableKinds(query.kindWeights)) return [];
    // The shared analyzer decides whether the text has anything to search for, so both
    // backends agree that punctuation or emoji alone finds nothing.
    if (queryTerms(query.text).length === 0) return [];
    const text = [...query.text].slice(0, MAX_QUERY_CHARS).join('');
    const lexical = lexicalSearchBody(text, query.filter, query.kindWeights, limit);
    const lexicalSearch = this.http.call('POST', `/${this.alias}/_search`, {
      body: lexical,
      querystring: { include_named_queries_score: true, ignore_unavailable: true },
    });
    if (!this.embedder) return this.lexicalHits((await lexicalSearch).body as SearchBody);
    // Two requests in parallel rather than one _msearch: _msearch does not take
    // include_named_queries_score, which the per-field scores come from. The BM25 request is
    // already under way while the query is embedded (awaited below, even if embedding fails).
    lexicalSearch.catch(() => undefined);
    const [vector] = await this.embedder.embed([text], 'query');
    const k = Math.max(limit, MIN_KNN_CANDIDATES);
    const [lexicalResult, knnResult] = await Promise.all([
      lexicalSearch,
      this.http.call('POST', `/${this.alias}/_search`, {
        body: vectorSearchBody(vector, query.filter, query.kindWeights, k),
        querystring: { ignore_unavailable: true },
      }),
    ]);
    return this.fuse(
      this.lexicalHits(lexicalResult.body as SearchBody),
      knnResult.body as SearchBody,
      query,
      limit,
    );
  }

  async fetch(ids: readonly string[], filter: DocumentFilter): Promise<Document[]> {
    const unique = [...new Set(ids)].slice(0, MAX_FETCH_IDS);
    if (unique.length === 0) return [];
    const { body } = await this.http.call('POST', `/${this.alias}/_search`, {
      body: fetchBody(unique, filter),
      querystring: { ignore_unavailable: true },
    });
    const found = new Map<string, Document>();
    for (const hit of (body as SearchBody).hits?.hits ?? []) {
      if (hit._source?.document) found.set(hit._id, decodeDocument(hit._source.document));
    }
    return unique.flatMap((id) => found.get(id) ?? []);
  }

  version(): string {
    return this.state.version;
  }

  size(): number {
    return this.state.size;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Nest calls this when the service or a CLI's application context closes. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private lexicalHits(body: SearchBody): IndexHit[] {
    return (body.hits?.hits ?? []).flatMap((hit) =>
      hit._source?.document
        ? [
            {
              id: hit._id,
              score: hit._score ?? 0,
              document: decodeDocument(hit._source.document),
              fieldScores: fieldScoresOf(hit.matched_queries),
            },
          ]
        : [],
    );
  }

  /** Reciprocal rank fusion of the BM25 list and the k-NN list (ranked by similarity × kind weight). */
  private fuse(lexical: IndexHit[], knn: SearchBody, query: IndexQuery, limit: number): IndexHit[] {
    const byId = new Map(lexical.map((hit) => [hit.id, hit]));
    const neighbours = (knn.hits?.hits ?? []).flatMap((hit) => {
      if (!hit._source?.document) return [];
      const document = decodeDocument(hit._source.document);
      const kind = document.content.case === 'policy' ? 'policy' : 'item';
      return [{ id: hit._id, document, score: (hit._score ?? 0) * query.kindWeights[kind] }];
    });
    neighbours.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    for (const { id, document } of neighbours) {
      if (!byId.has(id)) byId.set(id, { id, score: 0, document, fieldScores: {} });
    }
    const fused = reciprocalRankFusion([lexical.map((h) => h.id), neighbours.map((n) => n.id)]);
    return [...fused]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .flatMap(([id, score]) => {
        const hit = byId.get(id);
        return hit ? [{ ...hit, score }] : [];
      });
  }

  private async rebuild(corpus: PreparedDocument[]): Promise<void> {
    const version = this.corpusVersion(corpus);
    const current = await this.aliasState();
    if (current.indices.length === 1 && current.meta.corpus_version === version) {
      this.state = { version, size: current.meta.documents ?? corpus.length };
      return;
    }
    const index = await this.createGeneration({
      corpus_version: version,
      documents: corpus.length,
    });
    try {
      await this.bulkIndex(index, corpus);
      await this.finishGeneration(index, corpus.length > this.bulkSize);
      await this.swapAlias(index);
    } catch (error) {
      await this.http.call('DELETE', `/${index}`, { allow: [404] }).catch(() => undefined);
      throw error;
    }
    this.state = { version, size: corpus.length };
  }

  private async merge(documents: readonly Document[]): Promise<UpsertResult> {
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0 };
    const batch: PreparedDocument[] = [];
    for (const document of documents) {
      const prepared = prepareDocument(document);
      if (prepared) batch.push(prepared);
    }
    if (batch.length === 0) return result;
    let current = await this.aliasState();
    if (current.indices.length === 0) {
      // Nothing indexed yet: the first upsert creates the first generation.
      const index = await this.createGeneration({
        corpus_version: this.corpusVersion([]),
        documents: 0,
      });
      await this.swapAlias(index);
      current = await this.aliasState();
    }
    const original = await this.contentHashes([...new Set(batch.map((d) => d.id))]);
    // Counted one document at a time, as if upserted one by one; the last of an id is written.
    const known = new Map(original);
    const last = new Map<string, PreparedDocument>();
    for (const prepared of batch) {
      const before = known.get(prepared.id);
      if (before === undefined) result.inserted += 1;
      else if (before === prepared.source.content_hash) result.unchanged += 1;
      else result.updated += 1;
      known.set(prepared.id, prepared.source.content_hash);
      last.set(prepared.id, prepared);
    }
    const changed = [...last.values()].filter(
      (prepared) => original.get(prepared.id) !== prepared.source.content_hash,
    );
    if (changed.length === 0) {
      this.state = {
        version: current.meta.corpus_version ?? this.state.version,
        size: current.meta.documents ?? this.state.size,
      };
      return result;
    }
    await this.bulkIndex(this.alias, changed);
    const hash = createHash('sha256').update(current.meta.corpus_version ?? this.state.version);
    for (const prepared of changed) hash.update(prepared.id).update(prepared.bytes);
    const version = `${this.versionPrefix()}-${hash.digest('hex').slice(0, 16)}`;
    const size = (current.meta.documents ?? 0) + changed.filter((p) => !original.has(p.id)).length;
    const [index] = current.indices;
    await this.finishGeneration(index, false);
    await this.writeMeta(index, { corpus_version: version, documents: size });
    this.state = { version, size };
    return result;
  }

  private versionPrefix(): string {
    return `opensearch-${this.template._meta.fingerprint}`;
  }

  /** Content-addressed: the template (analysis, mapping), the embedding model and every document. */
  private corpusVersion(corpus: readonly PreparedDocument[]): string {
    const hash = createHash('sha256').update(this.embedder?.modelId ?? 'lexical');
    for (const { id, bytes } of corpus) hash.update(id).update(bytes);
    return `${this.versionPrefix()}-${hash.digest('hex').slice(0, 16)}`;
  }

  private ensureTemplate(): Promise<void> {
    this.templateReady ??= this.http
      .call('PUT', `/_index_template/${this.alias}`, { body: this.template })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.templateReady = undefined;
        throw error;
      });
    return this.templateReady;
  }

  /**
   * A new index behind no alias, carrying its corpus version from the start. A large corpus is
   * loaded without periodic refreshes (one refresh at the end); each settings change is a
   * cluster-state update, so a small one skips that.
   */
  private async createGeneration(meta: IndexMeta): Promise<string> {
    await this.ensureTemplate();
    const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const version = meta.corpus_version ?? '';
    const index = `${this.alias}${GENERATION_SEPARATOR}${version.slice(-8)}-${stamp}`;
    const large = (meta.documents ?? 0) > this.bulkSize;
    await this.http.call('PUT', `/${index}`, {
      body: {
        ...(large ? { settings: { index: { refresh_interval: '-1' } } } : {}),
        mappings: { _meta: meta },
      },
    });
    return index;
  }

  /** Makes what was indexed searchable (and restores refreshes if they were paused). */
  private async finishGeneration(index: string, large: boolean): Promise<void> {
    if (large) {
      await this.http.call('PUT', `/${index}/_settings`, {
        body: { index: { refresh_interval: null } },
      });
    }
    await this.http.call('POST', `/${index}/_refresh`);
  }

  private async writeMeta(index: string, meta: IndexMeta): Promise<void> {
    await this.http.call('PUT', `/${index}/_mapping`, { body: { _meta: meta } });
  }

  private async bulkIndex(index: string, documents: readonly PreparedDocument[]): Promise<void> {
    for (let start = 0; start < documents.length; start += this.bulkSize) {
      const chunk = documents.slice(start, start + this.bulkSize);
      const sources = await this.withEmbeddings(chunk);
      const lines: unknown[] = [];
      chunk.forEach((prepared, i) => lines.push({ index: { _id: prepared.id } }, sources[i]));
      const { body } = await this.http.call('POST', `/${index}/_bulk`, { lines });
      const response = body as {
        errors?: boolean;
        items?: { index?: { _id?: string; error?: { type?: string; reason?: string } } }[];
      };
      if (response.errors) {
        const failed = (response.items ?? [])
          .filter((item) => item.index?.error)
          .slice(0, 3)
          .map((item) => `${item.index?._id}: ${formatError(item.index?.error)}`);
        throw new OpenSearchError(`OpenSearch _bulk rejected documents: ${failed.join('; ')}`);
      }
    }
  }

  private async withEmbeddings(chunk: readonly PreparedDocument[]): Promise<OpenSearchSource[]> {
    if (!this.embedder) return chunk.map((prepared) => prepared.source);
    const sources: OpenSearchSource[] = [];
    for (let start = 0; start < chunk.length; start += EMBED_BATCH) {
      const part = chunk.slice(start, start + EMBED_BATCH);
      const vectors = await this.embedder.embed(
        part.map((prepared) => embeddingText(prepared.document)),
        'document',
      );
      part.forEach((prepared, i) => {
        const vector = vectors[i];
        // A zero vector (empty text) has no direction; cosine similarity rejects it.
        const usable = vector && vector.some((value) => value !== 0);
        sources.push(usable ? { ...prepared.source, embedding: [...vector] } : prepared.source);
      });
    }
    return sources;
  }

  private async contentHashes(ids: readonly string[]): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    for (let start = 0; start < ids.length; start += this.bulkSize) {
      const { body } = await this.http.call('POST', `/${this.alias}/_mget`, {
        body: { ids: ids.slice(start, start + this.bulkSize) },
        querystring: { _source: 'content_hash' },
      });
      const docs = (
        body as { docs?: { _id: string; found?: boolean; _source?: { content_hash?: string } }[] }
      ).docs;
      for (const doc of docs ?? []) {
        if (doc.found && doc._source?.content_hash) hashes.set(doc._id, doc._source.content_hash);
      }
    }
    return hashes;
  }

  /** The indices behind the alias and the _meta of the first (there is one but mid-swap). */
  private async aliasState(): Promise<{ indices: string[]; meta: IndexMeta }> {
    const { status, body } = await this.http.call('GET', `/_alias/${this.alias}`, { allow: [404] });
    if (status === 404) {
      const exists = await this.http.call('HEAD', `/${this.alias}`, { allow: [404] });
      if (exists.status === 200) {
        throw new OpenSearchError(
          `OpenSearch has an index named "${this.alias}"; the adapter needs that name for its alias`,
        );
      }
      return { indices: [], meta: {} };
    }
    const indices = Object.keys(body as Record<string, unknown>).sort();
    if (indices.length === 0) return { indices, meta: {} };
    const mapping = await this.http.call('GET', `/${indices[0]}/_mapping`);
    const meta = (mapping.body as Record<string, { mappings?: { _meta?: IndexMeta } }>)[indices[0]]
      ?.mappings?._meta;
    return { indices, meta: meta ?? {} };
  }

  /**
   * Points the alias at the new index and deletes the old ones in one atomic action. Another
   * replica swapping at the same moment may have deleted an index we meant to remove; then the
   * current holders are read again.
   */
  private async swapAlias(index: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { indices } = await this.aliasState();
      const actions = [
        { add: { index, alias: this.alias } },
        ...indices.filter((old) => old !== index).map((old) => ({ remove_index: { index: old } })),
      ];
      try {
        await this.http.call('POST', '/_aliases', { body: { actions } });
        return;
      } catch (error) {
        const notFound =
          error instanceof OpenSearchError && error.type === 'index_not_found_exception';
        if (!notFound || attempt >= SWAP_ATTEMPTS) throw error;
      }
    }
  }
}

function formatError(error: { type?: string; reason?: string } | undefined): string {
  return [error?.type, error?.reason].filter(Boolean).join(': ') || 'unknown error';
}
