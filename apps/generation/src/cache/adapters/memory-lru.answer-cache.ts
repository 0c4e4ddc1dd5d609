import { type AnswerCache, type CachedAnswer, MAX_CACHED_ANSWER_CHARS } from '../answer-cache';

interface Entry {
  answer: CachedAnswer;
  expiresAt: number;
}

/**
 * The embedded cache: an LRU over a Map (insertion order is recency order: a hit re-inserts its
 * entry at the end, eviction takes the first). Expired entries are dropped when they are read
 * or reach the front. Per process, so each pod warms its own.
 */
export class MemoryLruAnswerCache implements AnswerCache {
  readonly kind = 'memory';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.answer;
  }

  async set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
    if (answer.text.length > MAX_CACHED_ANSWER_CHARS) return;
    this.entries.delete(key);
    this.entries.set(key, { answer, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
