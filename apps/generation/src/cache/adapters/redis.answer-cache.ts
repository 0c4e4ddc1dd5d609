import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { type AnswerCache, type CachedAnswer, MAX_CACHED_ANSWER_CHARS } from '../answer-cache';

/** Bumped when CachedAnswer changes shape, so old pods and new pods never read each other's entries. */
const KEY_PREFIX = 'mangaassist:generation:answer:v1:';

const cachedAnswerSchema = z.object({
  text: z.string(),
  citations: z.array(z.object({ id: z.string(), title: z.string() })),
  finishReason: z.enum(['complete', 'length']),
  modelId: z.string(),
  promptVersion: z.string(),
  storedAt: z.number(),
});

export interface RedisCacheOptions {
  url: string;
  /** A lookup slower than this is a miss: the cache must never slow a turn down. */
  commandTimeoutMs?: number;
}

/**
 * The production cache, shared by every generation pod: one Redis string per answer with a
 * PX expiry (eviction beyond that is Redis's maxmemory-policy; allkeys-lru suits it). The
 * client never queues commands while disconnected and times out each one, so a Redis outage
 * turns every lookup into a fast miss instead of a stalled answer.
 */
export class RedisAnswerCache implements AnswerCache {
  readonly kind = 'redis';
  private readonly logger = new Logger(RedisAnswerCache.name);
  private readonly redis: Redis;

  constructor(options: RedisCacheOptions) {
    this.redis = new Redis(options.url, {
      commandTimeout: options.commandTimeoutMs ?? 50,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectionName: 'mangaassist-generation',
      retryStrategy: (times) => Math.min(times * 200, 5000),
    });
    this.redis.on('error', (error: Error) => this.logger.warn(`redis: ${error.message}`));
  }

  /** Resolves when connected (start-up waits for it so the first turns can hit). */
  async ready(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        resolve(false);
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.redis.once('ready', onReady);
    });
  }

  async get(key: string): Promise<CachedAnswer | undefined> {
    const raw = await this.redis.get(KEY_PREFIX + key);
    if (raw === null) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const parsed = cachedAnswerSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  async set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
    if (answer.text.length > MAX_CACHED_ANSWER_CHARS) return;
    await this.redis.set(
      KEY_PREFIX + key,
      JSON.stringify(answer),
      'PX',
      Math.max(1, Math.round(ttlMs)),
    );
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}
