import type { CatalogItem, Document, Policy } from '@mangaassist/contracts';
import {
  type StorePaths,
  itemDocument,
  loadStoreSnapshot,
  policyDocument,
  toCatalogItem,
  toPolicy,
} from '@mangaassist/store-data';
import {
  POLICY_TOPIC_LEXICON,
  THEME_LEXICON,
  allLabels,
  asksForSimilar,
  labelsInText,
  normalizeText,
} from '@mangaassist/text';
import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { readSnapshot } from '../ingest/retrieval-snapshot';
import { queryTerms } from './analysis/text-analyzer';
import type { SearchField } from './analysis/index-fields';
import {
  type DocumentFacts,
  type DocumentKindName,
  NO_FILTER,
  documentFacts,
} from './document-filter';
import { DenseIndex } from './embeddings/dense-index';
import { EMBEDDER, type Embedder } from './embeddings/embedder';
import { embeddingText } from './embeddings/embedding-text';
import {
  AUTHOR_LIFT,
  type ItemLabels,
  REFERENCE_LIFT,
  TOPIC_LIFT,
  entityLift,
  labelLift,
  relatedLift,
  similarLift,
  titleLift,
} from './ranking/lifts';
import { queryAsks } from './ranking/query-asks';
import { reciprocalRankFusion } from './ranking/reciprocal-rank-fusion';
import { type IndexHit, SEARCH_INDEX, type SearchIndex } from './search-index';
import type { SearchPlan } from './search-request';
import { AuthorMatcher, type TitleMatch, TitleMatcher } from './title-matcher';

export const STORE_PATHS = Symbol('StorePaths');

/** Where the service reads the store: the data files, or a snapshot written by the ingest CLI. */
export interface RetrievalSource extends StorePaths {
  snapshotPath?: string;
}

/** One ranked document of a search. */
export interface RetrievedHit {
  id: string;
  score: number;
  document: Document;
  /** Per-field lexical scores, plus `dense` (cosine similarity) when an embedder ran. */
  fieldScores: Partial<Record<SearchField | 'dense', number>>;
}

export interface SearchResult {
  hits: RetrievedHit[];
  indexVersion: string;
  /** Why hits is empty; undefined when there are hits. */
  emptyReason?: string;
}

export interface LoadSummary {
  items: number;
  policies: number;
  badLines: number;
  /** Documents with an embedding (0 without an embedder). */
  embedded?: number;
}

/** Enough lexical candidates below top_k for the lifts to reorder. */
const MIN_POOL = 60;
/** Documents embedded per call while loading. */
const EMBED_BATCH = 32;

interface Candidate {
  hit: IndexHit;
  base: number;
  dense?: number;
}

/**
 * Ranks catalog series and store policies for a query: lexical hits from the search index
 * (fused with dense hits by reciprocal rank fusion when an embedder is configured), lifted by
 * titles and authors the query names, by the intent's entity ids, by "like X" references and by
 * the genres, themes, audience and status it asks for. Index, matchers and vectors are built at
 * module init, before the port opens.
 */
@Injectable()
export class RetrievalService implements OnModuleInit {
  private readonly logger = new Logger(RetrievalService.name);
  private titles = new TitleMatcher([]);
  private authors = new AuthorMatcher([]);
  /** What each series is like, kept small: 100,000 CatalogItems would not be. */
  private itemLabels = new Map<string, ItemLabels>();
  private policyIdsByTopic = new Map<string, string[]>();
  private dense: DenseIndex | undefined;

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(STORE_PATHS) private readonly source: RetrievalSource,
    @Optional() @Inject(EMBEDDER) private readonly embedder: Embedder | null = null,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.load();
  }

  /** Loads the store and rebuilds index, matchers and vectors; bad lines are logged and skipped. */
  async load(): Promise<LoadSummary> {
    const { items, policies, vectors, badLines } = await this.readStore();
    const documents = [...items.map(itemDocument), ...policies.map(policyDocument)];
    await this.index.replaceAll(documents);
    this.titles = new TitleMatcher(items);
    this.authors = new AuthorMatcher(items);
    this.itemLabels = itemLabels(items);
    this.policyIdsByTopic = new Map();
    for (const policy of policies) {
      this.policyIdsByTopic.set(policy.topic, [
        ...(this.policyIdsByTopic.get(policy.topic) ?? []),
        policy.id,
      ]);
    }
    this.dense = this.embedder
      ? await this.buildDense(this.embedder, documents, vectors)
      : undefined;
    this.logger.log(
      `indexed ${items.length} items and ${policies.length} policies ` +
        `(${badLines} bad lines skipped), index ${this.version()}`,
    );
    return {
      items: items.length,
      policies: policies.length,
      badLines,
      ...(this.dense ? { embedded: this.dense.size } : {}),
    };
  }

  async search(plan: SearchPlan): Promise<SearchResult> {
    const pool = Math.max(plan.topK * 3, MIN_POOL);
    const lexical = await this.index.search({
      text: plan.query,
      filter: plan.filter,
      kindWeights: plan.kindWeights,
      limit: pool,
    });
    const denseHits = await this.denseSearch(plan, pool);
    const asks = queryAsks(plan.query);
    const titleMatches = this.titles.match(plan.query);
    const authorMatches = this.authors.match(plan.query);
    // A title inside an author's name ("Akira" in "Akira Toriyama") is the author, not the
    // title; an author's name inside a title ("ONE" in "ONE PIECE") is the title.
    const named = new Map<string, TitleMatch>(
      titleMatches
        .filter((t) => t.exact || !authorMatches.some((a) => covers(a, t) && a.length > t.length))
        .map((m) => [m.id, m]),
    );
    const authorIds = new Set(
      authorMatches
        .filter((a) => a.exact || ![...named.values()].some((t) => covers(t, a)))
        .map((a) => a.id),
    );
    const entityRank = new Map(plan.titleIds.map((id, i) => [id, i]));
    // "like" inside a title ("March Comes In Like a Lion") is not a request for similar series.
    const namedDocuments =
      asks.similar && ![...named.values()].some((m) => m.exact)
        ? await this.index.fetch([...named.keys()], NO_FILTER)
        : [];
    const similar =
      namedDocuments.length > 0 && asksForSimilar(withoutNames(plan.query, namedDocuments));
    const references = similar ? referencesOf(named) : new Set<string>();
    const similarRank = new Map<string, number>();
    const relatedRank = new Map<string, number>();
    for (const id of similar ? references : named.keys()) {
      const ranks = similar ? similarRank : relatedRank;
      this.itemLabels.get(id)?.similarTo.forEach((other, i) => {
        if (!named.has(other) && (ranks.get(other) ?? Infinity) > i) ranks.set(other, i);
      });
    }

    const candidates = new Map<string, Candidate>();
    const topLexical = Math.max(0, ...lexical.map((h) => h.score)) || 1;
    if (denseHits.length === 0) {
      for (const hit of lexical) candidates.set(hit.id, { hit, base: hit.score / topLexical });
    } else {
      const fused = reciprocalRankFusion([lexical.map((h) => h.id), denseHits.map((h) => h.id)]);
      const topFused = Math.max(...fused.values());
      const byId = new Map(lexical.map((h) => [h.id, h]));
      const similarity = new Map(denseHits.map((h) => [h.id, h.similarity]));
      const missing = denseHits.map((h) => h.id).filter((id) => !byId.has(id));
      for (const document of await this.index.fetch(missing, plan.filter)) {
        const id = document.content.value?.id ?? '';
        byId.set(id, { id, score: 0, document, fieldScores: {} });
      }
      for (const [id, score] of fused) {
        const hit = byId.get(id);
        if (hit) candidates.set(id, { hit, base: score / topFused, dense: similarity.get(id) });
      }
    }
    const wanted = [
      ...named.keys(),
      ...plan.titleIds,
      ...authorIds,
      ...similarRank.keys(),
      ...relatedRank.keys(),
    ];
    const missing = wanted.filter((id) => !candidates.has(id));
    for (const document of await this.index.fetch(missing, plan.filter)) {
      const id = document.content.value?.id ?? '';
      candidates.set(id, { hit: { id, score: 0, document, fieldScores: {} }, base: 0 });
    }
    if (candidates.size === 0) {
      for (const document of await this.topicFallback(plan)) {
        const id = document.content.value?.id ?? '';
        candidates.set(id, { hit: { id, score: 0, document, fieldScores: {} }, base: 0 });
      }
    }

    const titleQuery = [...named.values()].some((m) => m.exact);
    const namesSeries = named.size > 0 || authorIds.size > 0;
    const topics = namesSeries
      ? new Set<string>()
      : allLabels(labelsInText(POLICY_TOPIC_LEXICON, plan.query));
    const referenceGenres = new Set(
      [...references].flatMap((id) => this.itemLabels.get(id)?.genres ?? []),
    );
    const scored = [...candidates.values()].map(({ hit, base, dense }) => {
      // By id (MA-/POL-), so the documents of candidates that are not returned stay undecoded.
      const kind: DocumentKindName = hit.id.startsWith('POL-') ? 'policy' : 'item';
      // Naming a series in a question about returns or shipping is context, not the target:
      // lifts only apply to the kind the intent asks for.
      const lifted = plan.preferredKind === undefined || plan.preferredKind === kind;
      let lift = 0;
      if (lifted && kind === 'item') {
        lift += references.has(hit.id) ? REFERENCE_LIFT : titleLift(named.get(hit.id));
        lift += entityLift(entityRank.get(hit.id));
        if (authorIds.has(hit.id)) lift += AUTHOR_LIFT;
        lift += similarLift(similarRank.get(hit.id));
        lift += relatedLift(relatedRank.get(hit.id));
        const labels = this.itemLabels.get(hit.id);
        if (labels) lift += labelLift(labels, { asks, referenceGenres, titleQuery, namesSeries });
      }
      if (lifted && kind === 'policy' && topics.size > 0) {
        const content = hit.document.content;
        if (content.case === 'policy' && topics.has(content.value.topic)) lift += TOPIC_LIFT;
      }
      const fieldScores = dense === undefined ? hit.fieldScores : { ...hit.fieldScores, dense };
      return { hit, fieldScores, base, score: base + lift };
    });
    scored.sort((a, b) => b.score - a.score || b.base - a.base || compare(a.hit.id, b.hit.id));
    const hits = scored.slice(0, plan.topK).map(({ hit, score, fieldScores }) => ({
      id: hit.id,
      score,
      document: hit.document,
      fieldScores,
    }));
    return {
      hits,
      indexVersion: this.version(),
      ...(hits.length === 0 ? { emptyReason: emptyReason(plan) } : {}),
    };
  }

  private version(): string {
    return this.dense
      ? `${this.index.version()}+dense:${this.dense.modelId}`
      : this.index.version();
  }

  private async readStore(): Promise<{
    items: CatalogItem[];
    policies: Policy[];
    vectors: Map<string, Float32Array>;
    badLines: number;
  }> {
    if (this.source.snapshotPath) {
      const { contents, errors } = await readSnapshot(this.source.snapshotPath);
      for (const error of errors) {
        this.logger.warn(`${this.source.snapshotPath}:${error.line}: skipped: ${error.reason}`);
      }
      const vectors =
        this.embedder && contents.embeddingModel === this.embedder.modelId
          ? contents.vectors
          : new Map<string, Float32Array>();
      return {
        items: contents.items.map(toCatalogItem),
        policies: contents.policies.map(toPolicy),
        vectors,
        badLines: errors.length,
      };
    }
    const snapshot = await loadStoreSnapshot(this.source);
    let badLines = 0;
    for (const { file, errors } of snapshot.errors) {
      for (const error of errors) {
        this.logger.warn(`${file}:${error.line}: skipped: ${error.reason}`);
        badLines += 1;
      }
    }
    return {
      items: snapshot.items,
      policies: snapshot.policies,
      vectors: new Map(),
      badLines,
    };
  }

  /** Vectors for every document: from the snapshot when it has this model's, else embedded now. */
  private async buildDense(
    embedder: Embedder,
    documents: readonly Document[],
    known: ReadonlyMap<string, Float32Array>,
  ): Promise<DenseIndex> {
    const entries: { id: string; facts: DocumentFacts; vector: Float32Array }[] = [];
    const todo: { id: string; facts: DocumentFacts; text: string }[] = [];
    for (const document of documents) {
      const facts = documentFacts(document);
      const id = document.content.value?.id;
      if (!facts || !id) continue;
      const vector = known.get(id);
      if (vector && vector.length === embedder.dimensions) entries.push({ id, facts, vector });
      else todo.push({ id, facts, text: embeddingText(document) });
    }
    for (let i = 0; i < todo.length; i += EMBED_BATCH) {
      const batch = todo.slice(i, i + EMBED_BATCH);
      const vectors = await embedder.embed(
        batch.map((t) => t.text),
        'document',
      );
      batch.forEach((t, j) => entries.push({ id: t.id, facts: t.facts, vector: vectors[j] }));
      if ((i / EMBED_BATCH) % 20 === 19) {
        this.logger.log(`embedded ${i + batch.length}/${todo.length} documents`);
      }
    }
    return new DenseIndex(embedder.modelId, embedder.dimensions, entries);
  }

  /** Dense neighbours of the query; an embedder failure degrades to lexical search, logged. */
  private async denseSearch(plan: SearchPlan, pool: number) {
    if (!this.embedder || !this.dense || queryTerms(plan.query).length === 0) return [];
    try {
      const [vector] = await this.embedder.embed([plan.query], 'query');
      return this.dense.search(vector, plan.filter, pool);
    } catch (error) {
      this.logger.warn(`embedding the query failed, lexical only: ${(error as Error).message}`);
      return [];
    }
  }

  /**
   * A policy search restricted to topics that matched no words ("オペレーターと話したい"
   * against store_info) still has an answer: the policies of those topics, in id order.
   */
  private async topicFallback(plan: SearchPlan): Promise<Document[]> {
    const topics = plan.filter.policyTopics;
    if (plan.filter.kind !== 'policy' || !topics || topics.size === 0) return [];
    const ids = [...topics].flatMap((topic) => this.policyIdsByTopic.get(topic) ?? []);
    return this.index.fetch(ids.slice(0, plan.topK), plan.filter);
  }
}

/** The most specific series a "like X" query names: its longest named titles. */
function referencesOf(named: ReadonlyMap<string, TitleMatch>): Set<string> {
  const longest = Math.max(0, ...[...named.values()].map((m) => m.length));
  return new Set([...named.values()].filter((m) => m.length === longest).map((m) => m.id));
}

/** The query with the names of these series taken out (case-insensitive). */
function withoutNames(query: string, documents: readonly Document[]): string {
  let text = normalizeText(query).toLowerCase();
  for (const document of documents) {
    if (document.content.case !== 'item') continue;
    const item = document.content.value;
    for (const name of [item.titleJa, item.titleEn, item.titleRomaji, ...item.aliases]) {
      const key = normalizeText(name).toLowerCase();
      if (key) text = text.split(key).join(' ');
    }
  }
  return text;
}

/** The author match spans the whole title match. */
function covers(author: TitleMatch, title: TitleMatch): boolean {
  return author.start <= title.start && title.start + title.length <= author.start + author.length;
}

function itemLabels(items: readonly CatalogItem[]): Map<string, ItemLabels> {
  // Labels are interned: 100,000 series share a few hundred distinct strings.
  const interned = new Map<string, string>();
  const intern = (text: string) => {
    const seen = interned.get(text);
    if (seen !== undefined) return seen;
    interned.set(text, text);
    return text;
  };
  const themeLabels = new Map<string, string[]>();
  const labelsOf = (theme: string) => {
    let labels = themeLabels.get(theme);
    if (!labels) {
      labels = [...labelsInText(THEME_LEXICON, theme).en].map(intern);
      themeLabels.set(theme, labels);
    }
    return labels;
  };
  return new Map(
    items.map((item) => [
      item.id,
      {
        genres: item.genres.map(intern),
        themes: [...new Set(item.themes.flatMap(labelsOf))],
        demographic: intern(item.demographic),
        status: intern(item.status),
        popularity: Math.max(0, Math.min(100, item.popularity)),
        similarTo: item.similarTo,
      },
    ]),
  );
}

function emptyReason(plan: SearchPlan): string {
  if (queryTerms(plan.query).length === 0) {
    return 'the query has no searchable words (only punctuation, symbols or emoji)';
  }
  const { kind: _kind, inStockOnly, ...rest } = plan.filter;
  const filtered = inStockOnly || Object.values(rest).some((value) => value !== undefined);
  return filtered
    ? 'no document matches both the query and the filters'
    : 'no document matches the query';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
