import type { CachedAnswer } from '../answer-cache';
import { MemoryLruAnswerCache } from './memory-lru.answer-cache';

const answer = (text: string): CachedAnswer => ({
  text,
  citations: [{ id: 'MA-0001', title: 'ONE PIECE' }],
  finishReason: 'complete',
  modelId: 'local-composer',
  promptVersion: 'local-composer/v1',
  storedAt: 0,
});

describe('MemoryLruAnswerCache', () => {
  it('returns what was stored until its TTL passes (ja and en answers)', async () => {
    let now = 1000;
    const cache = new MemoryLruAnswerCache(10, () => now);
    await cache.set('ja', answer('ONE PIECEは現在116巻まで発売されています。'), 500);
    await cache.set('en', answer('One Piece has 116 volumes out so far.'), 500);
    expect((await cache.get('ja'))?.text).toContain('116巻');
    expect((await cache.get('en'))?.text).toContain('116 volumes');
    now = 1500;
    expect(await cache.get('ja')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used entry when full', async () => {
    const cache = new MemoryLruAnswerCache(2);
    await cache.set('a', answer('a'), 60_000);
    await cache.set('b', answer('b'), 60_000);
    await cache.get('a');
    await cache.set('c', answer('c'), 60_000);
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.get('a'))?.text).toBe('a');
    expect((await cache.get('c'))?.text).toBe('c');
  });

  it('does not keep answers over the size limit', async () => {
    const cache = new MemoryLruAnswerCache(2);
    await cache.set('big', answer('あ'.repeat(20_000)), 60_000);
    expect(await cache.get('big')).toBeUndefined();
  });
});
