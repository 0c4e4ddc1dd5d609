import type { AnswerCitation } from '../generation/answer-provider';

/** A complete answer as the cache keeps it. */
export interface CachedAnswer {
  text: string;
  citations: AnswerCitation[];
  finishReason: 'complete' | 'length';
  /** Who wrote it originally; a hit is recorded with these (and bills nothing). */
  modelId: string;
  promptVersion: string;
  /** Epoch milliseconds when it was stored. */
  storedAt: number;
}

/**
 * The port to the answer cache: in-memory LRU by default, Redis in production (shared by all
 * generation pods). Lookups must be cheap and must never fail a turn: adapters bound their
 * time and the caller treats any error as a miss.
 */
export interface AnswerCache {
  /** memory, redis or off, for logs and metrics. */
  readonly kind: string;
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

export const ANSWER_CACHE = Symbol('ANSWER_CACHE');

/** Answers longer than this are not cached: rare, and they would crowd the LRU. */
export const MAX_CACHED_ANSWER_CHARS = 16_000;

/** GENERATION_CACHE=off: every lookup misses, nothing is stored. */
export class DisabledAnswerCache implements AnswerCache {
  readonly kind = 'off';
  async get(): Promise<undefined> {
    return undefined;
  }
  async set(): Promise<void> {
    // Nothing to keep.
  }
  async close(): Promise<void> {
    // Nothing to release.
  }
}
