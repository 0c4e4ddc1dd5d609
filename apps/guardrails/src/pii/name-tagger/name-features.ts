import { fnvHash, slot, SlotCollector, type SparseVector } from '../../injection/feature-hashing';
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

function scriptOf(char: string | undefined): string {
  if (char === undefined) return 'edge';
  if (/[\p{Script=Han}々]/u.test(char)) return 'han';
  if (/\p{Script=Hiragana}/u.test(char)) return 'hira';
  if (/\p{Script=Katakana}/u.test(char)) return 'kata';
  if (/\p{Lu}/u.test(char)) return 'upper';
  if (/\p{Ll}/u.test(char)) return 'lower';
  if (/\d/u.test(char)) return 'digit';
  if (char === ' ') return 'space';
  return `p${char}`;
}

function lengthBucket(length: number): string {
  return length <= 4 ? String(length) : length <= 8 ? '5-8' : '9+';
}

/** The words around a span in Latin text, lower-cased, punctuation kept as a word. */
function neighbourWords(text: string, span: TextSpan): { left: string[]; right: string[] } {
  const left = text
    .slice(Math.max(0, span.start - 40), span.start)
    .toLowerCase()
    .match(/[\p{L}']+|[^\s\p{L}]/gu);
  const right = text
    .slice(span.end, span.end + 40)
    .toLowerCase()
    .match(/[\p{L}']+|[^\s\p{L}]/gu);
  return { left: (left ?? []).slice(-2), right: (right ?? []).slice(0, 2) };
}

/**
 * Hashed features of one candidate span: what the span is (script, length, lexicon and shape
 * of Japanese and Latin names, first and last characters) and where it stands (the characters
 * and words around it, the edges of the message). Context decides most names that no rule
 * lists; the lexicon features carry what the labelled data cannot.
 */
export class NameFeatures {
  private readonly collector = new SlotCollector();

  vector(text: string, span: TextSpan): SparseVector {
    const value = text.slice(span.start, span.end);
    const add = (feature: string) => this.collector.add(slot(fnvHash(feature, NAMESPACE)));
    const first = value[0];
    const last = value[value.length - 1];
    const script = scriptOf(first);
    const words = value.split(/[ ,]+/u).filter(Boolean);
    add('bias');
    add(`script:${script}`);
    add(`script:${script}|len:${lengthBucket(value.length)}`);
    add(`words:${words.length}`);
    add(`first:${first}`);
    add(`last:${last}`);
    add(`token:${value.toLowerCase()}`);
    if (value.includes(' ')) add(`space|${script}`);
    if (/[・=＝]/u.test(value)) add('dot');
    if (/^\p{Lu}+(?: \p{Lu}+)*$/u.test(value) && value.length > 1) add('all-caps');
    if (/^\p{Lu}\./u.test(value)) add('initial');
    // Japanese name lexicon and shape.
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
    // Latin name lexicon.
    const lower = words.map((w) => w.toLowerCase().replace(/[.,]/g, ''));
    if (lower.some((w) => ENGLISH_GIVEN_NAMES.has(w))) add('en:given');
    if (lower.some((w) => LATIN_FAMILY_NAMES.has(w))) add('en:family');
    if (ENGLISH_GIVEN_NAMES.has(lower[0] ?? '')) add(`en:given-first|${words.length}`);
    if (lower.some((w) => NON_NAME_WORDS_EN.has(w))) add('en:non-name-word');
    // Context: characters for Japanese, words for Latin text, and the message edges.
    const before = text.slice(Math.max(0, span.start - 3), span.start);
    const after = text.slice(span.end, span.end + 3);
    add(`L1:${before.slice(-1)}`);
    add(`L2:${before.slice(-2)}`);
    add(`L3:${before}`);
    add(`R1:${after.slice(0, 1)}`);
    add(`R2:${after.slice(0, 2)}`);
    add(`R3:${after}`);
    add(`Ls:${scriptOf(before.slice(-1) || undefined)}|${script}`);
    add(`Rs:${script}|${scriptOf(after[0])}`);
    add(`L1R1:${before.slice(-1)}|${after.slice(0, 1)}`);
    if (span.start === 0) add('at-start');
    if (span.end === text.length || /^[\s.!?。！？]*$/u.test(text.slice(span.end))) add('at-end');
    if (script === 'upper' || script === 'lower') {
      const { left, right } = neighbourWords(text, span);
      add(`lw1:${left.at(-1) ?? '^'}`);
      add(`lw2:${left.join(' ')}`);
      add(`rw1:${right[0] ?? '$'}`);
      add(`rw2:${right.join(' ')}`);
      add(`lw1rw1:${left.at(-1) ?? '^'}|${right[0] ?? '$'}`);
      add(`case:${script}|${lower.length}`);
    }
    return this.collector.vector();
  }
}
