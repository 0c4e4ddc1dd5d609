import { hasJapanese } from './locale';
import { foldLatinDiacritics, katakanaToHiragana, normalizeText } from './normalize';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const CJK_RUN = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]+/gu;

/** Word tokens: ICU dictionary segmentation for Japanese, words for Latin script; lowercased. */
export function wordTokens(text: string): string[] {
  const normalized = foldLatinDiacritics(normalizeText(text).toLowerCase());
  const tokens: string[] = [];
  for (const part of segmenter.segment(normalized)) {
    if (!part.isWordLike) continue;
    const token = katakanaToHiragana(part.segment).replace(/ー/g, '');
    if (token) tokens.push(token);
  }
  return tokens;
}

/** Overlapping character bigrams of every Japanese run: recall for words ICU splits differently. */
export function cjkBigrams(text: string): string[] {
  const folded = katakanaToHiragana(normalizeText(text)).replace(/ー/g, '');
  const grams: string[] = [];
  for (const run of folded.match(CJK_RUN) ?? []) {
    if (run.length === 1) grams.push(run);
    for (let i = 0; i + 1 < run.length; i++) grams.push(run.slice(i, i + 2));
  }
  return grams;
}

/**
 * A light English stemmer (plural and common verb endings) that keeps the mapping cheap and
 * predictable; recall for "volumes" -> "volume", "released" -> "release", "stories" -> "story".
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Search tokens: stemmed words plus, for Japanese text, character bigrams. */
export function searchTokens(text: string): string[] {
  const words = wordTokens(text).map(stemEnglish);
  return hasJapanese(text) ? [...words, ...cjkBigrams(text)] : words;
}

// One Latin/digit word, one run of Japanese script (not the middle dot ・, which is punctuation),
// or a word in another script (Cyrillic, ...).
const LEXICAL_RUN =
  /[a-z0-9]+|[\u3040-\u309F\u30A0-\u30FA\u30FC-\u30FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]+|[^\s\p{P}\p{S}a-z0-9\u3040-\u309F\u30A0-\u30FA\u30FC-\u30FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]+/gu;
const LATIN_WORD = /^[a-z]+$/;
const JAPANESE_START =
  /^[\u3040-\u309F\u30A0-\u30FA\u30FC-\u30FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]/u;
const POSSESSIVE = /['’]s\b/g;

/**
 * Tokens for lexical search without dictionary segmentation, from text already passed through
 * foldForSearch: English words stemmed, digit runs kept, and every run of Japanese script as
 * overlapping character bigrams (a lone character as itself). Bigrams are how CJK search engines
 * index without a dictionary (Lucene's CJKAnalyzer); they cost microseconds where ICU
 * segmentation costs about a millisecond per record, which decides whether 100,000 series can
 * be indexed at start.
 */
export function lexicalTokens(folded: string): string[] {
  const tokens: string[] = [];
  for (const run of folded.replace(POSSESSIVE, '').match(LEXICAL_RUN) ?? []) {
    if (JAPANESE_START.test(run)) {
      // The Japanese ranges above are all in the BMP, so UTF-16 indexing is per character.
      if (run.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
    } else {
      tokens.push(LATIN_WORD.test(run) ? stemEnglish(run) : run);
    }
  }
  return tokens;
}
