/**
 * 32-bit FNV-1a over UTF-16 code units, seeded by folding the seed into the offset basis.
 * Cheap, dependency-free and stable across platforms, which is what a saved model needs: the
 * same feature string must land in the same bucket on every machine and every release.
 */
export function hashFeature(feature: string, seed: number): number {
  return finishHash(continueHash(startHash(seed), feature));
}

/** The hash state before any character: featurize builds n-gram hashes from it incrementally. */
export function startHash(seed: number): number {
  return (0x811c9dc5 ^ seed) >>> 0;
}

/** Folds the UTF-16 code units of `text` into a hash state. */
export function continueHash(state: number, text: string): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A final avalanche step: FNV alone leaves the low bits (the ones a bucket mask keeps) weak. */
export function finishHash(state: number): number {
  let hash = state;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}
