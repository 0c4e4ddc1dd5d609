/**
 * Text normalization shared by every service that compares or indexes text. Shoppers write
 * full-width letters and spaces, half-width katakana (ﾜﾝﾋﾟｰｽ), mixed hiragana and
 * katakana, and hide things behind zero-width characters; all of them must meet the catalog.
 */

// Zero-width and bidi control characters carry no meaning for us but can split a keyword.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;
// C0/C1 control characters except tab and newline; matching them is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFKC (full/half width, compatibility forms), invisible characters out, spaces collapsed. */
export function normalizeText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** Katakana to hiragana, so that ワンピース and わんぴーす compare equal. */
export function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

const SMALL_KANA: Record<string, string> = {
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

const SMALL_KANA_CHARS = /[ぁぃぅぇぉっゃゅょゎゕゖ]/g;

/** Small hiragana made large (ちぇんそー -> ちえんそー): shoppers type either. */
export function foldSmallKana(text: string): string {
  return text.replace(SMALL_KANA_CHARS, (ch) => SMALL_KANA[ch] ?? ch);
}

/**
 * The form used for matching, not for display: normalized, lowercased, kana folded to
 * hiragana, small kana made large, long-vowel marks and middle dots dropped, so that
 * "チェンソーマン", "ちぇんそおまん" and "チェンソ-マン" come close.
 */
export function matchKey(text: string): string {
  return foldSmallKana(katakanaToHiragana(normalizeText(text).toLowerCase()))
    .replace(/[ー〜～\-‐－―・･]/g, '')
    .replace(/[\s"'’`.,!?！？。、「」『』()（）[\]【】:;/&＆+]+/g, ' ')
    .trim();
}

/** matchKey without any spaces, for comparing titles written with or without them. */
export function compactKey(text: string): string {
  return matchKey(text).replace(/\s+/g, '');
}

/** Romaji with macrons (Wan Pīsu) and without (Wan Piisu / Wan Pisu) compare equal. */
export function foldLatinDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/**
 * The form search text is tokenized from, documents and queries alike: NFKC (width), lowercase,
 * macrons dropped (Kyōjin -> kyojin), katakana folded to hiragana, small kana made large and
 * long-vowel marks dropped, so ワンピース, わんぴーす, ﾜﾝﾋﾟｰｽ and ワンピス meet, as do
 * チェンソーマン, ちぇんそーまん and チェーンソーマン. Spaces and punctuation stay.
 */
export function foldForSearch(text: string): string {
  // Plain printable ASCII (half of a bilingual catalog) has nothing to fold but case; skipping
  // the Unicode passes halves the cost of indexing English fields.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  const normalized = normalizeText(text);
  const latin = LATIN_DIACRITIC.test(normalized) ? foldLatinDiacritics(normalized) : normalized;
  const lower = latin.toLowerCase();
  const hiragana = KATAKANA.test(lower) ? katakanaToHiragana(lower) : lower;
  return foldSmallKana(hiragana).replace(/[ー〜～]/g, '');
}

const PRINTABLE_ASCII = /^[\x20-\x7E\t\n\r]*$/;
// Precomposed Latin letters with marks, and combining marks: what foldLatinDiacritics changes.
const LATIN_DIACRITIC = /[\u00C0-\u024F\u1E00-\u1EFF]|\p{Mn}/u;
const KATAKANA = /[\u30A1-\u30F6]/;
