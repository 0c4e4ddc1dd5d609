import { foldLatinDiacritics, matchKey, stemEnglish, wordTokens } from '@mangaassist/text';
import { hashFeature } from './feature-hash';

/** How text becomes a hashed sparse vector; saved with a model so prediction featurizes alike. */
export interface FeatureOptions {
  /** Buckets are 2^hashBits. */
  hashBits: number;
  /** Seed of the feature hash. */
  seed: number;
  /** Adds adjacent word pairs ("how much", "何 巻") to the word unigrams. */
  wordBigrams: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  hashBits: 20,
  seed: 0x5eed,
  wordBigrams: true,
};

/** A sparse vector with strictly increasing indices. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

const JAPANESE_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff々〆ヶ]+/gu;
const LATIN_WORD = /[\p{Script=Latin}\p{N}]+/gu;
const DIGIT = /\p{Nd}/gu;

/**
 * The raw, namespaced feature strings of a text (before hashing), one entry per occurrence.
 * Digits are folded to 0: which volume or price a shopper names says nothing about intent,
 * while the shape ("0巻", "000円", "000-0000000") does.
 */
export function featureStrings(text: string, options: FeatureOptions): string[] {
  const key = foldLatinDiacritics(matchKey(text)).replace(DIGIT, '0');
  const features: string[] = [];
  for (const run of key.match(JAPANESE_RUN) ?? []) {
    const chars = [...run];
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= chars.length; i++)
        features.push(`j:${chars.slice(i, i + n).join('')}`);
    }
  }
  for (const word of key.match(LATIN_WORD) ?? []) {
    // Boundary marks let "vol" at a word start differ from "vol" inside "involve".
    const padded = [...`<${word}>`];
    for (let n = 2; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++)
        features.push(`l:${padded.slice(i, i + n).join('')}`);
    }
  }
  const words = wordTokens(text).map((w) => stemEnglish(w).replace(DIGIT, '0'));
  for (const word of words) features.push(`w:${word}`);
  if (options.wordBigrams) {
    for (let i = 0; i + 1 < words.length; i++) features.push(`b:${words[i]} ${words[i + 1]}`);
  }
  return features;
}

/** Hashed features with sublinear term frequency (1 + ln tf), L2-normalized. */
export function featurize(text: string, options: FeatureOptions): SparseVector {
  const mask = 2 ** options.hashBits - 1;
  const counts = new Map<number, number>();
  for (const feature of featureStrings(text, options)) {
    const bucket = hashFeature(feature, options.seed) & mask;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float64Array(indices.length);
  let norm = 0;
  indices.forEach((bucket, i) => {
    const value = 1 + Math.log(counts.get(bucket) ?? 1);
    values[i] = value;
    norm += value * value;
  });
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i] /= norm;
  return { indices, values };
}
