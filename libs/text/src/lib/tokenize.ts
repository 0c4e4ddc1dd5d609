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
