import {
  foldLatinDiacritics,
  hasJapanese,
  katakanaToHiragana,
  normalizeText,
  searchTokens,
  stemEnglish,
  wordTokens,
} from '@mangaassist/text';

/** Bumped whenever analysis changes, so an index built by an older analyzer gets a new version. */
export const ANALYZER_VERSION = 'ja-en.1';

/** More distinct query terms than this add nothing but cost (fuzzy expansion is per term). */
export const MAX_QUERY_TERMS = 48;

const SMALL_KANA: Readonly<Record<string, string>> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
};

// Words that match half the corpus and say nothing in a manga store; dropped from queries only,
// never from the index. Stemmed forms ("thi" for "this", "doe" for "does") are what arrives.
const QUERY_STOP_WORDS = new Set([
  'a',
  'about',
  'an',
  'and',
  'any',
  'are',
  'book',
  'can',
  'comic',
  'do',
  'doe',
  'for',
  'get',
  'have',
  'i',
  'in',
  'is',
  'it',
  'like',
  'manga',
  'me',
  'my',
  'of',
  'on',
  'or',
  'recommend',
  'series',
  'some',
  'that',
  'the',
  'thi',
  'to',
  'want',
  'what',
  'with',
  'you',
  // Romaji particles: in most romanized titles ("Shingeki no Kyojin"), so they rank nothing and
  // cost a walk over half the index; the title matcher still sees the whole title.
  'ga',
  'ni',
  'no',
  'wa',
  'wo',
  // Japanese: the word for manga and hiragana grammar (verb endings, particles, politeness)
  // that ICU words and bigrams produce from any sentence.
  '漫画',
  'まんが',
  'こみつく',
  '作品',
  'おすすめ',
  'おすす',
  'すすめ',
  'すす',
  'ます',
  'ますか',
  'すか',
  'です',
  'ですか',
  'した',
  'たい',
  'して',
  'ある',
  'あり',
  'ありま',
  'りま',
  'いる',
  'ない',
  'くだ',
  'ださ',
  'さい',
  'ください',
  'でき',
  'できる',
  'につ',
  'つい',
  'ついて',
  'について',
  'とは',
  'など',
  'から',
  'まで',
  'こと',
  'もの',
  'ので',
  'のは',
  'には',
  'では',
  'でも',
  'はあ',
  'があ',
  'をし',
  'ほし',
  'しい',
  'れる',
  'られ',
  'たら',
  'いう',
  'とい',
]);

const HIRAGANA_ONLY = /^[\u3040-\u309F]+$/u;
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const LATIN_TERM = /^[a-z]+$/;
// The run pattern of cjkBigrams in @mangaassist/text, so query bigrams meet index bigrams.
const CJK_RUN = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]+/gu;

/**
 * The form both documents and queries are tokenized from: NFKC, lowercase, one kana script,
 * small kana made large and romaji macrons dropped, so ワンピース / わんぴーす and
 * "Shingeki" / "Shīngeki" meet in the index.
 */
export function foldForSearch(text: string): string {
  const folded = katakanaToHiragana(foldLatinDiacritics(normalizeText(text)).toLowerCase());
  return folded.replace(/[ぁぃぅぇぉっゃゅょゎゕゖ]/g, (ch) => SMALL_KANA[ch] ?? ch);
}

/** Index-side terms of one field value: ICU words, CJK bigrams, stemmed English. */
export function analyze(text: string): string[] {
  if (!text) return [];
  return searchTokens(foldForSearch(text)).filter((t) => t.length > 0);
}

/**
 * Query-side terms: ICU words plus the CJK bigrams of content, deduplicated, without stop words
 * and lone hiragana particles (unless nothing else is left), capped at MAX_QUERY_TERMS. A bigram
 * across a hiragana/kanji change ("の恋", "品し") or inside the hiragana of a sentence ("めの")
 * is grammar glued to a word; it matches any sentence (and はじめの一歩) and only adds noise.
 */
export function queryTerms(text: string): string[] {
  const folded = foldForSearch(text);
  let words = wordTokens(folded).map(stemEnglish);
  if (hasJapanese(folded)) {
    const grammar = sentenceHiraganaWords(text);
    words = [...words.filter((w) => !grammar.has(w)), ...scriptBigrams(text)];
  }
  const unique = [...new Set(words)];
  const content = unique.filter(
    (t) => !QUERY_STOP_WORDS.has(t) && !(t.length === 1 && HIRAGANA_ONLY.test(t)),
  );
  return (content.length > 0 ? content : unique).slice(0, MAX_QUERY_TERMS);
}

/** The bigrams the index holds for this text (see cjkBigrams), minus those across scripts. */
function scriptBigrams(text: string): string[] {
  const normalized = normalizeText(text).replace(/ー/g, '');
  const runs = normalized.match(CJK_RUN) ?? [];
  // Kana-only text may be a title written in hiragana (うずまき); inside a sentence with
  // kanji or katakana, a hiragana stretch is grammar (おすすめの, ありますか).
  const kanaOnly = runs.every((run) => HIRAGANA_ONLY.test(run));
  const grams: string[] = [];
  for (const run of runs) {
    const chars = [...run];
    if (chars.length === 1) grams.push(foldForSearch(run));
    for (let i = 0; i + 1 < chars.length; i++) {
      const hiragana = isHiragana(chars[i]);
      if (hiragana !== isHiragana(chars[i + 1]) || (hiragana && !kanaOnly)) continue;
      grams.push(foldForSearch(chars[i] + chars[i + 1]));
    }
  }
  return grams;
}

/**
 * Hiragana-only words of a sentence that also has kanji or katakana: いつ, ください, ある.
 * Segmented on the unfolded text, since after folding katakana words look like hiragana too.
 */
function sentenceHiraganaWords(text: string): Set<string> {
  const normalized = normalizeText(text);
  const words = new Set<string>();
  let other = false;
  for (const part of segmenter.segment(normalized)) {
    if (!part.isWordLike) continue;
    if (HIRAGANA_ONLY.test(part.segment)) words.add(foldForSearch(part.segment));
    else if (hasJapanese(part.segment)) other = true;
  }
  return other ? words : new Set();
}

function isHiragana(ch: string): boolean {
  return HIRAGANA_ONLY.test(ch);
}

/** Latin words of at least four letters get prefix matching ("shingek" -> "shingeki"). */
export function allowsPrefix(term: string): boolean {
  return term.length >= 4 && LATIN_TERM.test(term);
}

/**
 * Typo tolerance in edits for a query term. A word the index already holds is taken as meant
 * ("scary" must not drift to "story"); an unknown Latin word gets one edit from four letters
 * and two from five, so "peace" still reaches "piece". Japanese gets none: bigrams give recall.
 */
export function fuzzyEdits(term: string, known: boolean): number {
  if (known || !LATIN_TERM.test(term) || term.length < 4) return 0;
  return term.length >= 5 ? 2 : 1;
}
