import {
  FEATURE_COUNT,
  FNV_OFFSET,
  fnvStep,
  slot,
  type SparseVector,
} from '../../injection/feature-hashing';
import { isNonNameToken, NON_NAME_WORDS_EN } from '../person-name.exclusions';
import {
  ENGLISH_GIVEN_NAMES,
  JAPANESE_GIVEN_NAMES,
  JAPANESE_SURNAMES,
  LATIN_FAMILY_NAMES,
} from '../person-name.lexicon';
import { isJapaneseName, looksLikeGivenName, looksLikeSurname } from '../person-name.shape';
import type { TextSpan } from '../text-span';

const NAMESPACE = 0x4e414d45; // "NAME"

/**
 * FNV-1a of a feature tag and up to two values, hashed in place: building the feature strings
 * cost more than scoring them.
 */
function hashFeature(tag: string, a: string, b: string): number {
  let hash = fnvStep(FNV_OFFSET, NAMESPACE);
  for (let i = 0; i < tag.length; i++) hash = fnvStep(hash, tag.charCodeAt(i));
  hash = fnvStep(hash, 0x1f);
  for (let i = 0; i < a.length; i++) hash = fnvStep(hash, a.charCodeAt(i));
  hash = fnvStep(hash, 0x1e);
  for (let i = 0; i < b.length; i++) hash = fnvStep(hash, b.charCodeAt(i));
  return hash;
}

/** The kind of a character, by code point ranges (no regex: this runs for every candidate). */
function scriptOf(char: string | undefined): string {
  if (char === undefined || char === '') return 'edge';
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3005) {
    return 'han';
  }
  if (code >= 0x3041 && code <= 0x309f) return 'hira';
  if ((code >= 0x30a0 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff)) return 'kata';
  if (code >= 0x30 && code <= 0x39) return 'digit';
  if (char === ' ') return 'space';
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return 'upper';
    if (code >= 0x61 && code <= 0x7a) return 'lower';
    return `p${char}`;
  }
  if (char !== char.toLowerCase()) return 'upper';
  if (char !== char.toUpperCase()) return 'lower';
  return `p${char}`;
}

function lengthBucket(length: number): string {
  return length <= 4 ? String(length) : length <= 8 ? '5-8' : '9+';
}

const WORD_CHAR = /[\p{L}']/u;

/** Up to `count` words (or single punctuation marks) from `from` going in `step` direction. */
function wordsFrom(text: string, from: number, step: 1 | -1, count: number): string[] {
  const words: string[] = [];
  let i = from;
  while (words.length < count && i >= 0 && i < text.length && Math.abs(i - from) < 40) {
    const char = text[i];
    if (char === ' ') {
      i += step;
      continue;
    }
    if (!WORD_CHAR.test(char)) {
      words.push(char);
      i += step;
      continue;
    }
    let j = i;
    while (j + step >= 0 && j + step < text.length && WORD_CHAR.test(text[j + step])) j += step;
    words.push((step === 1 ? text.slice(i, j + 1) : text.slice(j, i + 1)).toLowerCase());
    i = j + step;
  }
  return words;
}

/** The words around a span in Latin text, lower-cased, punctuation kept as a word. */
function neighbourWords(text: string, span: TextSpan): { left: string[]; right: string[] } {
  return {
    left: wordsFrom(text, span.start - 1, -1, 2).reverse(),
    right: wordsFrom(text, span.end, 1, 2),
  };
}

/**
 * Hashed features of one candidate span: what the span is (script, length, lexicon and shape
 * of Japanese and Latin names, first and last characters) and where it stands (the characters
 * and words around it, the edges of the message). Context decides most names that no rule
 * lists; the lexicon features carry what the labelled data cannot.
 */
export class NameFeatures {
  // Distinct slots of the candidate being featurized; a generation stamp per slot drops
  // duplicates without a Set. Scoring reads them in place, without building a vector.
  private readonly slots = new Int32Array(128);
  private size = 0;
  private readonly stamps = new Uint32Array(FEATURE_COUNT);
  private generation = 1;

  /** The candidate as a unit-length binary vector, for training. */
  vector(text: string, span: TextSpan): SparseVector {
    this.collect(text, span);
    const indices = this.slots.slice(0, this.size);
    return { indices, values: new Float64Array(this.size).fill(1 / Math.sqrt(this.size)) };
  }

  /** The logistic model's raw score of the candidate (what `predict` computes on `vector`). */
  score(text: string, span: TextSpan, weights: Float64Array, bias: number): number {
    this.collect(text, span);
    let sum = 0;
    for (let k = 0; k < this.size; k++) sum += weights[this.slots[k]];
    return bias + sum / Math.sqrt(this.size);
  }

  private collect(text: string, span: TextSpan): void {
    this.size = 0;
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    const add = (tag: string, a = '', b = '') => {
      const index = slot(hashFeature(tag, a, b));
      if (this.stamps[index] === this.generation || this.size === this.slots.length) return;
      this.stamps[index] = this.generation;
      this.slots[this.size++] = index;
    };
    const value = text.slice(span.start, span.end);
    const first = value[0];
    const last = value[value.length - 1];
    const script = scriptOf(first);
    const words = value.split(/[ ,]+/u).filter(Boolean);
    add('bias');
    add('script:', script);
    add('script:|len:', script, lengthBucket(value.length));
    add('words:', String(words.length));
    add('first:', first);
    add('last:', last);
    add('token:', value.toLowerCase());
    if (value.includes(' ')) add('space|', script);
    if (/[・=＝]/u.test(value)) add('dot');
    if (/^\p{Lu}+(?: \p{Lu}+)*$/u.test(value) && value.length > 1) add('all-caps');
    if (/^\p{Lu}\./u.test(value)) add('initial');
    if (script === 'upper' || script === 'lower') this.latin(text, span, words, add);
    else this.japanese(value, add);
    this.context(text, span, script, add);
  }

  private japanese(value: string, add: (tag: string, a?: string, b?: string) => void): void {
    const kanji = value.replace(/ /g, '');
    if (JAPANESE_SURNAMES.has(kanji)) add('ja:surname');
    if (JAPANESE_GIVEN_NAMES.has(kanji)) add('ja:given');
    if (looksLikeSurname(kanji)) add('ja:surname-shape');
    if (looksLikeGivenName(kanji)) add('ja:given-shape');
    if (isJapaneseName(value)) add('ja:full-name');
    for (let n = 2; n <= Math.min(4, kanji.length - 1); n++) {
      if (JAPANESE_SURNAMES.has(kanji.slice(0, n))) add('ja:surname-prefix');
    }
    if (isNonNameToken(value)) add('non-name-token');
  }

  private latin(
    text: string,
    span: TextSpan,
    words: string[],
    add: (tag: string, a?: string, b?: string) => void,
  ): void {
    const lower = words.map((w) => w.toLowerCase().replace(/[.,]/g, ''));
    if (lower.some((w) => ENGLISH_GIVEN_NAMES.has(w))) add('en:given');
    if (lower.some((w) => LATIN_FAMILY_NAMES.has(w))) add('en:family');
    if (ENGLISH_GIVEN_NAMES.has(lower[0] ?? '')) add('en:given-first|', String(words.length));
    if (lower.some((w) => NON_NAME_WORDS_EN.has(w))) add('en:non-name-word');
    const { left, right } = neighbourWords(text, span);
    add('lw1:', left.at(-1) ?? '^');
    add('lw2:', left.join(' '));
    add('rw1:', right[0] ?? '$');
    add('rw2:', right.join(' '));
    add('lw1rw1:|', left.at(-1) ?? '^', right[0] ?? '$');
    add('case:|', scriptOf(text[span.start]), String(lower.length));
  }

  /** Characters around the span and the edges of the message. */
  private context(
    text: string,
    span: TextSpan,
    script: string,
    add: (tag: string, a?: string, b?: string) => void,
  ): void {
    const before = text.slice(Math.max(0, span.start - 3), span.start);
    const after = text.slice(span.end, span.end + 3);
    add('L1:', before.slice(-1));
    add('L2:', before.slice(-2));
    add('L3:', before);
    add('R1:', after.slice(0, 1));
    add('R2:', after.slice(0, 2));
    add('R3:', after);
    add('Ls:|', scriptOf(before.slice(-1) || undefined), script);
    add('Rs:|', script, scriptOf(after[0]));
    add('L1R1:|', before.slice(-1), after.slice(0, 1));
    if (span.start === 0) add('at-start');
    if (span.end === text.length || /^[\s.!?。！？]*$/u.test(text.slice(span.end, span.end + 4))) {
      add('at-end');
    }
  }
}
