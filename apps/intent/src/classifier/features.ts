import { foldLatinDiacritics, matchKey, stemEnglish, wordTokens } from '@mangaassist/text';
import { continueHash, finishHash, hashFeature, startHash } from './feature-hash';

/** How text becomes a hashed sparse vector; saved with a model so prediction featurizes alike. */
export interface FeatureOptions {
  /** Buckets are 2^hashBits. */
  hashBits: number;
  /** Seed of the feature hash. */
  seed: number;
  /** Adds adjacent word pairs ("how much", "何 巻") to the word unigrams. */
  wordBigrams: boolean;
  /** Shortest and longest character n-grams inside Latin-script words (boundary-marked). */
  latinCharGrams: readonly [number, number];
  /** Shortest and longest character n-grams of Japanese runs. */
  japaneseCharGrams: readonly [number, number];
  /** Adds word triples; helps long English queries where word order carries the request. */
  wordTrigrams: boolean;
  /**
   * Character n-grams and word n-grams are L2-normalized as two blocks, the word block scaled
   * by this weight, before the whole vector is normalized. In one block the ~10x more numerous
   * character n-grams drown the word evidence (dev accuracy 0.908 -> 0.919 with 1).
   */
  wordBlockWeight: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  hashBits: 20,
  seed: 0x5eed,
  wordBigrams: true,
  latinCharGrams: [2, 5],
  japaneseCharGrams: [1, 3],
  wordTrigrams: true,
  wordBlockWeight: 1,
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
  const [jaMin, jaMax] = options.japaneseCharGrams;
  for (const run of key.match(JAPANESE_RUN) ?? []) {
    const chars = [...run];
    for (let n = jaMin; n <= jaMax; n++) {
      for (let i = 0; i + n <= chars.length; i++)
        features.push(`j:${chars.slice(i, i + n).join('')}`);
    }
  }
  const [latinMin, latinMax] = options.latinCharGrams;
  for (const word of key.match(LATIN_WORD) ?? []) {
    // Boundary marks let "vol" at a word start differ from "vol" inside "involve".
    const padded = [...`<${word}>`];
    for (let n = latinMin; n <= latinMax; n++) {
      for (let i = 0; i + n <= padded.length; i++)
        features.push(`l:${padded.slice(i, i + n).join('')}`);
    }
  }
  const words = wordTokens(text).map((w) => stemEnglish(w).replace(DIGIT, '0'));
  for (const word of words) features.push(`w:${word}`);
  if (options.wordBigrams) {
    for (let i = 0; i + 1 < words.length; i++) features.push(`b:${words[i]} ${words[i + 1]}`);
  }
  if (options.wordTrigrams) {
    for (let i = 0; i + 2 < words.length; i++)
      features.push(`t:${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  }
  return features;
}

/**
 * Hashed features with sublinear term frequency, normalized per block (see blockVector). The same buckets as
 * hashing every string of featureStrings, computed without building those strings: n-gram hashes
 * grow one character at a time from a shared prefix state, which keeps Classify allocation-light.
 */
export function featurize(text: string, options: FeatureOptions): SparseVector {
  const mask = 2 ** options.hashBits - 1;
  const characterCounts = new Map<number, number>();
  let counts = characterCounts;
  const add = (state: number) => {
    const bucket = finishHash(state) & mask;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  const seed = startHash(options.seed);
  const key = foldLatinDiacritics(matchKey(text)).replace(DIGIT, '0');
  const [jaMin, jaMax] = options.japaneseCharGrams;
  const jaPrefix = continueHash(seed, 'j:');
  for (const run of key.match(JAPANESE_RUN) ?? []) {
    addCharacterGrams([...run], jaPrefix, jaMin, jaMax, add);
  }
  const [latinMin, latinMax] = options.latinCharGrams;
  const latinPrefix = continueHash(seed, 'l:');
  for (const word of key.match(LATIN_WORD) ?? []) {
    addCharacterGrams([...`<${word}>`], latinPrefix, latinMin, latinMax, add);
  }
  const words = wordTokens(text).map((w) => stemEnglish(w).replace(DIGIT, '0'));
  const wordCounts = new Map<number, number>();
  counts = wordCounts;
  const wordPrefix = continueHash(seed, 'w:');
  const bigramPrefix = continueHash(seed, 'b:');
  const trigramPrefix = continueHash(seed, 't:');
  for (let i = 0; i < words.length; i++) {
    add(continueHash(wordPrefix, words[i]));
    if (options.wordBigrams && i + 1 < words.length) {
      add(continueHash(continueHash(continueHash(bigramPrefix, words[i]), ' '), words[i + 1]));
    }
    if (options.wordTrigrams && i + 2 < words.length) {
      let state = continueHash(trigramPrefix, words[i]);
      state = continueHash(continueHash(state, ' '), words[i + 1]);
      add(continueHash(continueHash(state, ' '), words[i + 2]));
    }
  }
  return blockVector(characterCounts, wordCounts, options.wordBlockWeight);
}

/**
 * Sublinear TF per block (1 + ln tf), each block L2-normalized, the word block scaled, then the
 * sum normalized again. Buckets are summed in ascending order, so the result is deterministic.
 */
function blockVector(
  characterCounts: ReadonlyMap<number, number>,
  wordCounts: ReadonlyMap<number, number>,
  wordWeight: number,
): SparseVector {
  const merged = new Map<number, number>();
  for (const [block, weight] of [
    [characterCounts, 1],
    [wordCounts, wordWeight],
  ] as const) {
    const buckets = [...block.keys()].sort((a, b) => a - b);
    let norm = 0;
    for (const bucket of buckets) norm += (1 + Math.log(block.get(bucket) ?? 1)) ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0 || weight === 0) continue;
    for (const bucket of buckets) {
      const value = (weight * (1 + Math.log(block.get(bucket) ?? 1))) / norm;
      merged.set(bucket, (merged.get(bucket) ?? 0) + value);
    }
  }
  const indices = Int32Array.from([...merged.keys()].sort((a, b) => a - b));
  const values = Float64Array.from(indices, (bucket) => merged.get(bucket) ?? 0);
  let norm = 0;
  for (const value of values) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i] /= norm;
  return { indices, values };
}

function addCharacterGrams(
  chars: readonly string[],
  prefix: number,
  min: number,
  max: number,
  add: (state: number) => void,
): void {
  for (let start = 0; start < chars.length; start++) {
    let state = prefix;
    for (let n = 1; n <= max && start + n <= chars.length; n++) {
      state = continueHash(state, chars[start + n - 1]);
      if (n >= min) add(state);
    }
  }
}

/** featurize computed the plain way, from featureStrings; the tests hold the two equal. */
export function featurizeFromStrings(text: string, options: FeatureOptions): SparseVector {
  const mask = 2 ** options.hashBits - 1;
  const characterCounts = new Map<number, number>();
  const wordCounts = new Map<number, number>();
  for (const feature of featureStrings(text, options)) {
    const bucket = hashFeature(feature, options.seed) & mask;
    const block =
      feature.startsWith('j:') || feature.startsWith('l:') ? characterCounts : wordCounts;
    block.set(bucket, (block.get(bucket) ?? 0) + 1);
  }
  return blockVector(characterCounts, wordCounts, options.wordBlockWeight);
}
