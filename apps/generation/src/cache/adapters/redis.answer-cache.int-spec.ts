import { Redis } from 'ioredis';
import { type RedisProcess, startRedisServer } from '../../testing/redis-server.process';
import type { CachedAnswer } from '../answer-cache';
import { RedisAnswerCache } from './redis.answer-cache';

const answer = (text: string): CachedAnswer => ({
  text,
  citations: [{ id: 'POL-001', title: '送料と送料無料の条件' }],
  finishReason: 'complete',
  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  promptVersion: 'grounded-answer/v1',
  storedAt: 1_700_000_000_000,
});

/** The production adapter against a real redis-server (Debian package), started per file. */
describe('RedisAnswerCache against a real redis-server', () => {
  let redis: RedisProcess;
  let cache: RedisAnswerCache;
  let raw: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    // Generous here: a loaded CI machine must not turn a slow reply into a failed test.
    cache = new RedisAnswerCache({ url: redis.url, commandTimeoutMs: 5000 });
    expect(await cache.ready(5000)).toBe(true);
    raw = new Redis(redis.url);
  }, 30_000);

  afterAll(async () => {
    await cache?.close();
    raw?.disconnect();
    await redis?.stop();
  });

  it('round-trips a Japanese and an English answer with their citations', async () => {
    await cache.set('key-ja', answer('送料は440円です。2,000円以上で送料無料になります。'), 60_000);
    await cache.set('key-en', answer('Shipping is 440 JPY; free from 2,000 JPY.'), 60_000);
    expect(await cache.get('key-ja')).toEqual(
      answer('送料は440円です。2,000円以上で送料無料になります。'),
    );
    expect((await cache.get('key-en'))?.text).toContain('440 JPY');
    expect(await cache.get('never-stored')).toBeUndefined();
  });

  it('stores each answer with a PX expiry under a versioned prefix', async () => {
    await cache.set('ttl', answer('x'), 1500);
    const keys = await raw.keys('mangaassist:generation:answer:v1:*');
    expect(keys).toContain('mangaassist:generation:answer:v1:ttl');
    const ttl = await raw.pttl('mangaassist:generation:answer:v1:ttl');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1500);
  });

  it('expires entries after their TTL', async () => {
    await cache.set('short', answer('short-lived'), 50);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await cache.get('short')).toBeUndefined();
  });

  it('treats a foreign or corrupt value as a miss', async () => {
    await raw.set('mangaassist:generation:answer:v1:corrupt', '{"text": 42}');
    await raw.set('mangaassist:generation:answer:v1:notjson', 'hello');
    expect(await cache.get('corrupt')).toBeUndefined();
    expect(await cache.get('notjson')).toBeUndefined();
  });

  it('fails fast (no stall) when Redis is unreachable', async () => {
    const away = new RedisAnswerCache({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 50 });
    const started = Date.now();
    await expect(away.get('any')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    await away.close();
  });
});
