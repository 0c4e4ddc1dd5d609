import { foldForSearch } from '@mangaassist/text';

/**
 * Japanese and English analysis inside OpenSearch, built only from what every OpenSearch has
 * (analysis-common): the kuromoji and ICU plugins are not on Maven Central, so a node started
 * here cannot have them, and the same analyzer then serves on a managed cluster too.
 *
 * - char filter `ma_kana_fold`: katakana (full and half width) to hiragana, small kana made
 *   large, long-vowel marks dropped; the table is generated from the shared foldForSearch, so
 *   ワンピース, ﾜﾝﾋﾟｰｽ and わんぴいす fold the way the embedded index folds them.
 * - standard tokenizer (UAX #29), then cjk_width (full-width Latin), lowercase, asciifolding
 *   (Kyōjin -> kyojin), cjk_bigram (overlapping bigrams of every Japanese run; a lone kanji
 *   stays a unigram), possessive and Porter2 English stemming.
 * - at query time also stop words (English function words, shop words like "manga", and the
 *   hiragana bigrams of Japanese grammar such as です or ください) and a cap on query tokens,
 *   which keeps a pasted essay within the cluster's clause limit.
 */
export const INDEX_ANALYZER = 'ma_text';
export const QUERY_ANALYZER = 'ma_query';

/** More query tokens than this add nothing and could exceed indices.query.bool.max_clause_count. */
export const MAX_QUERY_TOKENS = 24;

const QUERY_STOP_WORDS = [
  ...['a', 'about', 'an', 'and', 'any', 'anything', 'are', 'as', 'at', 'be', 'book', 'books'],
  ...['but', 'by', 'can', 'comic', 'comics', 'could', 'did', 'do', 'does', 'for', 'from', 'get'],
  ...['good', 'have', 'how', 'i', 'if', 'in', 'is', 'it', 'just', 'like', 'looking', 'manga'],
  ...['me', 'my', 'of', 'on', 'or', 'please', 'recommend', 'series', 'should', 'so', 'some'],
  ...['something', 'tell', 'that', 'the', 'there', 'this', 'to', 'want', 'was', 'what', 'when'],
  ...['where', 'which', 'who', 'will', 'with', 'would', 'you', 'your'],
  // Romaji particles are in most romanized titles and rank nothing.
  ...['ga', 'ni', 'no', 'wo'],
  // Japanese as the bigrams the index holds (kana already folded to hiragana): the word for
  // manga and the grammar of a question (verb endings, particles, politeness).
  ...['漫画', 'まん', 'んが', '作品', 'おす', 'すす', 'すめ', 'ます', 'すか', 'です', 'した'],
  ...['たい', 'して', 'ある', 'あり', 'りま', 'いる', 'ない', 'くだ', 'ださ', 'さい', 'でき'],
  ...['きる', 'につ', 'つい', 'いて', 'とは', 'など', 'まで', 'こと', 'もの', 'ので', 'のは'],
  ...['には', 'では', 'でも', 'はあ', 'があ', 'をし', 'ほし', 'しい', 'れる', 'られ', 'たら'],
  ...['いう', 'とい', 'どん', 'んな', 'なの', 'のが', 'がい', 'いい', 'いま', 'せん'],
];

/** Katakana, half-width katakana and marks whose search form differs from themselves. */
function* foldableCharacters(): Generator<string> {
  const range = function* (from: number, to: number) {
    for (let code = from; code <= to; code++) yield String.fromCodePoint(code);
  };
  yield* range(0x3041, 0x3096); // hiragana, for the small kana
  yield* range(0x30a1, 0x30fe); // katakana, ー and the iteration marks
  yield '〜';
  const halfWidth = [...range(0xff66, 0xff9d)];
  // A half-width base and its separate voicing mark compose into one kana (ﾃﾞ -> デ).
  for (const base of halfWidth) {
    for (const mark of ['\uff9e', '\uff9f']) {
      if ((base + mark).normalize('NFKC').length === 1) yield base + mark;
    }
  }
  yield* halfWidth;
  yield* range(0xff9e, 0xff9f);
}

/** The mapping char filter's rules ("ア => あ", "ー => "), longest keys first for clarity. */
export function kanaFoldMappings(): string[] {
  const rules = new Map<string, string>();
  for (const text of foldableCharacters()) {
    const folded = foldForSearch(text);
    // Voicing marks alone fold to combining marks; they carry nothing once split off.
    const target = /^[\u3099\u309a\u309b\u309c\uff9e\uff9f]$/.test(folded) ? '' : folded;
    if (target !== text && !rules.has(text)) rules.set(text, target);
  }
  return [...rules].map(([from, to]) => `${from} => ${to}`);
}

export interface AnalysisSettings {
  char_filter: Record<string, unknown>;
  filter: Record<string, unknown>;
  analyzer: Record<string, unknown>;
}

export function analysisSettings(): AnalysisSettings {
  const shared = ['cjk_width', 'lowercase', 'asciifolding', 'ma_cjk_bigram'];
  const english = ['ma_possessive', 'ma_stemmer'];
  return {
    char_filter: {
      ma_kana_fold: { type: 'mapping', mappings: kanaFoldMappings() },
    },
    filter: {
      ma_cjk_bigram: { type: 'cjk_bigram', output_unigrams: false },
      ma_possessive: { type: 'stemmer', language: 'possessive_english' },
      ma_stemmer: { type: 'stemmer', language: 'porter2' },
      ma_query_stop: { type: 'stop', stopwords: QUERY_STOP_WORDS, ignore_case: false },
      ma_query_limit: { type: 'limit', max_token_count: MAX_QUERY_TOKENS },
    },
    analyzer: {
      [INDEX_ANALYZER]: {
        type: 'custom',
        char_filter: ['ma_kana_fold'],
        tokenizer: 'standard',
        filter: [...shared, ...english],
      },
      [QUERY_ANALYZER]: {
        type: 'custom',
        char_filter: ['ma_kana_fold'],
        tokenizer: 'standard',
        filter: [...shared, 'ma_query_stop', ...english, 'ma_query_limit'],
      },
    },
  };
}
