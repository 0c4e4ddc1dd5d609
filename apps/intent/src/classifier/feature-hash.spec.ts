import { hashFeature } from './feature-hash';

describe('hashFeature', () => {
  it('is a stable unsigned 32-bit hash of Japanese and English features', () => {
    for (const feature of ['w:volume', 'j:巻', 'b:何 巻']) {
      const hash = hashFeature(feature, 42);
      expect(hash).toBe(hashFeature(feature, 42));
      expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
    }
  });

  it('changes with the seed and spreads nearby strings', () => {
    expect(hashFeature('w:volume', 1)).not.toBe(hashFeature('w:volume', 2));
    const buckets = new Set(
      Array.from({ length: 1000 }, (_, i) => hashFeature(`w:${i}`, 7) & 1023),
    );
    expect(buckets.size).toBeGreaterThan(550);
  });
});
