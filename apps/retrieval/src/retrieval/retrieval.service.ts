import type { Document } from '@mangaassist/contracts';
import {
  type StorePaths,
  itemDocument,
  loadStoreSnapshot,
  policyDocument,
} from '@mangaassist/store-data';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { SearchField } from './analysis/index-fields';
import type { DocumentKindName } from './document-filter';
import { type IndexHit, SEARCH_INDEX, type SearchIndex } from './search-index';
import type { SearchPlan } from './search-request';
import { type TitleMatch, TitleMatcher } from './title-matcher';

export const STORE_PATHS = Symbol('StorePaths');

/** One ranked document of a search. */
export interface RetrievedHit {
  id: string;
  score: number;
  document: Document;
  fieldScores: Partial<Record<SearchField, number>>;
}

export interface SearchResult {
  hits: RetrievedHit[];
  indexVersion: string;
}

export interface LoadSummary {
  items: number;
  policies: number;
  badLines: number;
}

// Lexical scores are normalized to at most 1. An entity id lifts its series above any purely
// lexical hit (1.5 > 1); a title the query itself names lifts above any entity-only series
// (3 > 1.5 + 1), so what the shopper typed wins over what the classifier guessed.
const TITLE_BASE = 3;
const TITLE_LENGTH_BONUS = 1;
const TITLE_EXACT_BONUS = 1;
const ENTITY_BOOST = 1.5;
/** Enough lexical candidates below top_k for the boosts to reorder. */
const MIN_POOL = 60;

/**
 * Ranks catalog series and store policies for a query: lexical hits from the search index,
 * lifted by titles the query names, by the intent's entity ids and by the kind the intent
 * asks for. The index and the title list are built at module init, before the port opens.
 */
@Injectable()
export class RetrievalService implements OnModuleInit {
  private readonly logger = new Logger(RetrievalService.name);
  private titles = new TitleMatcher([]);
  private policyIdsByTopic = new Map<string, string[]>();

  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(STORE_PATHS) private readonly paths: StorePaths,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.load();
  }

  /** Loads the store files and rebuilds the index; bad lines are logged and skipped. */
  async load(): Promise<LoadSummary> {
    const snapshot = await loadStoreSnapshot(this.paths);
    let badLines = 0;
    for (const { file, errors } of snapshot.errors) {
      for (const error of errors) {
        this.logger.warn(`${file}:${error.line}: skipped: ${error.reason}`);
        badLines += 1;
      }
    }
    await this.index.replaceAll([
      ...snapshot.items.map(itemDocument),
      ...snapshot.policies.map(policyDocument),
    ]);
    this.titles = new TitleMatcher(snapshot.items);
    this.policyIdsByTopic = new Map();
    for (const policy of snapshot.policies) {
      this.policyIdsByTopic.set(policy.topic, [
        ...(this.policyIdsByTopic.get(policy.topic) ?? []),
        policy.id,
      ]);
    }
    this.logger.log(
      `indexed ${snapshot.items.length} items and ${snapshot.policies.length} policies ` +
        `(${badLines} bad lines skipped), index ${this.index.version()}`,
    );
    return { items: snapshot.items.length, policies: snapshot.policies.length, badLines };
  }

  async search(plan: SearchPlan): Promise<SearchResult> {
    const lexical = await this.index.search({
      text: plan.query,
      filter: plan.filter,
      kindWeights: plan.kindWeights,
      limit: Math.max(plan.topK * 3, MIN_POOL),
    });
    const named = new Map<string, TitleMatch>(this.titles.match(plan.query).map((m) => [m.id, m]));
    const entityRank = new Map(plan.titleIds.map((id, i) => [id, i]));

    const byId = new Map<string, IndexHit>(lexical.map((h) => [h.id, h]));
    const missing = [...named.keys(), ...plan.titleIds].filter((id) => !byId.has(id));
    for (const document of await this.index.fetch(missing, plan.filter)) {
      const id = document.content.value?.id ?? '';
      byId.set(id, { id, score: 0, document, fieldScores: {} });
    }

    if (byId.size === 0) {
      for (const document of await this.topicFallback(plan)) {
        const id = document.content.value?.id ?? '';
        byId.set(id, { id, score: 0, document, fieldScores: {} });
      }
    }

    const topLexical = Math.max(0, ...lexical.map((h) => h.score)) || 1;
    const scored = [...byId.values()].map((hit) => {
      const kind: DocumentKindName = hit.document.content.case === 'policy' ? 'policy' : 'item';
      // Naming a series in a question about returns or shipping is context, not the target:
      // title and entity lifts only apply to the kind the intent asks for.
      const lifted = plan.preferredKind === undefined || plan.preferredKind === kind;
      const lift = lifted ? titleLift(named.get(hit.id)) + entityLift(entityRank.get(hit.id)) : 0;
      return { hit, lexical: hit.score / topLexical, score: hit.score / topLexical + lift };
    });
    scored.sort(
      (a, b) => b.score - a.score || b.lexical - a.lexical || a.hit.id.localeCompare(b.hit.id),
    );
    return {
      hits: scored.slice(0, plan.topK).map(({ hit, score }) => ({
        id: hit.id,
        score,
        document: hit.document,
        fieldScores: hit.fieldScores,
      })),
      indexVersion: this.index.version(),
    };
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

function titleLift(match: TitleMatch | undefined): number {
  if (!match) return 0;
  return (
    TITLE_BASE +
    (TITLE_LENGTH_BONUS * Math.min(match.length, 50)) / 50 +
    (match.exact ? TITLE_EXACT_BONUS : 0)
  );
}

/** The first entity id lifts most: 1.5, 1.0, 0.75, 0.6, ... */
function entityLift(rank: number | undefined): number {
  return rank === undefined ? 0 : ENTITY_BOOST / (1 + rank * 0.5);
}
