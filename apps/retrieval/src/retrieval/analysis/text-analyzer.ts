import { foldForSearch, lexicalTokens, normalizeText } from '@mangaassist/text';

export { foldForSearch } from '@mangaassist/text';

/** Bumped whenever analysis changes, so an index built by an older analyzer gets a new version. */
export const ANALYZER_VERSION = 'ja-en.2';

/** More distinct query terms than this add nothing but cost (fuzzy expansion is per term). */
export const MAX_QUERY_TERMS = 48;

/** Distinct query strings whose terms are kept; popular questions repeat all day. */
const QUERY_CACHE_SIZE = 2000;

// Words that match half the corpus and say nothing in a manga store; dropped from queries only,
// never from the index. Stemmed forms ("thi" for "this", "doe" for "does") are what arrives.
const QUERY_STOP_WORDS = new Set([
  ...['a', 'about', 'an', 'and', 'any', 'anything', 'are', 'as', 'at', 'be', 'book', 'but'],
  ...['by', 'can', 'comic', 'could', 'did', 'do', 'doe', 'for', 'from', 'get', 'good', 'have'],
  ...['how', 'i', 'if', 'in', 'is', 'it', 'just', 'like', 'looking', 'manga', 'me', 'my', 'of'],
  ...['on', 'or', 'please', 'read', 'recommend', 'series', 'should', 'so', 'some', 'something'],
  ...['tell', 'that', 'the', 'there', 'thi', 'to', 'vol', 'volume', 'want', 'wa', 'what', 'when'],
  ...['where', 'which', 'who', 'will', 'with', 'would', 'you', 'your'],
  // Romaji particles: in most romanized titles ("Shingeki no Kyojin"), so they rank nothing and
  // cost a walk over half the index; the title matcher still sees the whole title.
  ...['ga', 'ni', 'no', 'wo'],
  // Japanese: the word for manga and the bigrams of hiragana grammar (verb endings, particles,
  // politeness) that a kana-only question still produces.
  ...['漫画', 'まんが', 'こみつく', '作品', 'おす', 'すす', 'すめ', 'ます', 'すか', 'です', 'でき'],
  ...['した', 'たい', 'して', 'ある', 'あり', 'りま', 'いる', 'ない', 'くだ', 'ださ', 'さい'],
  ...['につ', 'つい', 'いて', 'とは', 'など', 'から', 'まで', 'こと', 'もの', 'ので', 'のは'],
  ...['には', 'では', 'でも', 'はあ', 'があ', 'をし', 'ほし', 'しい', 'れる', 'られ', 'たら'],
  ...['いう', 'とい', 'よみ', 'みた'],
]);

const HIRAGANA_ONLY = /^[\u3040-\u309F]+$/u;
const LATIN_TERM = /^[a-z]+$/;
// The Japanese runs of lexicalTokens in @mangaassist/text, so query bigrams meet index bigrams.
const JAPANESE_RUN = /[\u3040-\u309F\u30A0-\u30FA\u30FC-\u30FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]+/gu;
const JAPANESE_CHAR = /[\u3040-\u309F\u30A0-\u30FA\u30FC-\u30FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]/u;
const LONG_VOWEL = /[ー〜～]/g;

/**
 * Index-side terms of one field value: English words stemmed, digits, and overlapping bigrams of
 * every Japanese run, all from the folded text (one kana script, no width, case, macrons or
 * long-vowel marks). No dictionary segmentation: see lexicalTokens.
 */
export function analyze(text: string): string[] {
  if (!text) return [];
  return lexicalTokens(foldForSearch(text));
}

const queryCache = new Map<string, readonly string[]>();

/**
 * Query-side terms: the index's tokens, deduplicated, without stop words, without bigrams of
 * grammar, capped at MAX_QUERY_TERMS. In a sentence that has kanji or katakana, a bigram across
 * a hiragana/other change ("の恋") or inside its hiragana ("めの") is grammar glued to a word:
 * it matches any sentence (and はじめの一歩) and only adds noise. A kana-only query may be a
 * title (うずまき), so it keeps its bigrams. A function word is kept when nothing else is left.
 */
export function queryTerms(text: string): readonly string[] {
  const cached = queryCache.get(text);
  if (cached) {
    // Map order is insertion order: re-inserting keeps the entry the most recently used.
    queryCache.delete(text);
    queryCache.set(text, cached);
    return cached;
  }
  const terms = computeQueryTerms(text);
  queryCache.set(text, terms);
  if (queryCache.size > QUERY_CACHE_SIZE) {
    queryCache.delete(queryCache.keys().next().value as string);
  }
  return terms;
}

function computeQueryTerms(text: string): string[] {
  const folded = foldForSearch(text);
  const words = lexicalTokens(folded).filter((t) => !JAPANESE_CHAR.test(t));
  const unique = [...new Set([...words, ...scriptBigrams(text)])];
  const content = unique.filter(
    (t) => !QUERY_STOP_WORDS.has(t) && !(t.length === 1 && HIRAGANA_ONLY.test(t)),
  );
  return (content.length > 0 ? content : unique).slice(0, MAX_QUERY_TERMS);
}

/**
 * The bigrams the index holds for this text (see lexicalTokens), minus those of grammar. A kanji
 * standing alone between kana keeps its bigram with the kana after it: 「読み」「届い」「破れ」
 * carry a verb's meaning (試し読み, 本が破れて届いた) where the kanji alone matches nothing.
 */
function scriptBigrams(text: string): string[] {
  const normalized = normalizeText(text).replace(LONG_VOWEL, '');
  const runs = normalized.match(JAPANESE_RUN) ?? [];
  const kanaOnly = runs.every((run) => HIRAGANA_ONLY.test(run));
  const grams: string[] = [];
  for (const run of runs) {
    if (run.length === 1) grams.push(foldForSearch(run));
    for (let i = 0; i + 1 < run.length; i++) {
      const hiragana = isHiragana(run[i]);
      const nextHiragana = isHiragana(run[i + 1]);
      const alone = !hiragana && (i === 0 || isHiragana(run[i - 1]));
      if (alone && nextHiragana && !kanaOnly) grams.push(foldForSearch(run.slice(i, i + 2)));
      if (hiragana !== nextHiragana || (hiragana && !kanaOnly)) continue;
      grams.push(foldForSearch(run.slice(i, i + 2)));
    }
  }
  return grams;
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
