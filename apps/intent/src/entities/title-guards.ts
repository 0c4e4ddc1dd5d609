import { normalizeText } from '@mangaassist/text';

/** A candidate span of the original text, as UTF-16 offsets [start, end). */
export interface Span {
  start: number;
  end: number;
}

const LATIN_OR_DIGIT = /[\p{Script=Latin}\p{Nd}]/u;
const HIRAGANA = /^[\u3041-\u309f]$/u;
const HIRAGANA_ONLY = /^[\u3041-\u309f\u30fc]+$/u;
const KANJI = /\p{Script=Han}/u;
const OPENING_QUOTE = new Set([...'「『"“\'‘【《〈']);
const CLOSING_QUOTE = new Set([...'」』"”\'’】》〉']);
const CUE_AFTER =
  /^\s*(?:の\s*)?(?:第?\s*\d+\s*(?:巻|冊)|巻|新刊|最新刊|最新巻|続き|続編|作者|単行本|全巻|電子版|kindle|vol\b|vol\.|volume|#\s*\d|って(?:漫画|マンガ|まんが)|という(?:漫画|マンガ|まんが))/u;
// Facts only a series has (serialized, completed, on hiatus, how many volumes): "リアルは完結して
// ますか" and "has Monster ended yet" name the series, not reality or a creature.
const SERIES_FACT_AFTER =
  /^[\s!！?？]*(?:(?:は|って|が|も)\s*)?(?:(?:いつから|いつまで|もう|まだ|今|全部で|全)\s*)?(?:何巻|連載|完結|休載|最終回|最終巻)|^[\s!?.]*(?:(?:already|finally|ever|still)\s+)?(?:ended(?!\s+up)|finished|completed?|concluded|on\s+hiatus)\b/u;
const CUE_BEFORE =
  /(?:(?:manga|series|漫画|マンガ|まんが)\s*(?:called|named|の)?|vol(?:ume)?\.?\s*\d+\s+of(?:\s+the)?)\s*$/u;

/** The code point just before an offset, NFKC-folded (so full-width Ａ counts as a letter). */
function charBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const code = text.codePointAt(offset - 1) ?? 0;
  const start = code >= 0xdc00 && code <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0).normalize('NFKC');
}

function charAfter(text: string, offset: number): string {
  if (offset >= text.length) return '';
  return String.fromCodePoint(text.codePointAt(offset) ?? 0).normalize('NFKC');
}

/**
 * A key starting or ending in a Latin letter or digit must start or end a word: "op" in
 * "stop" or "db" in "dbms" is no title, while "ONE PIECEは" is (Japanese after the title).
 */
export function onWordBoundaries(text: string, span: Span, key: string): boolean {
  if (/^[a-z0-9]/.test(key) && LATIN_OR_DIGIT.test(charBefore(text, span.start))) return false;
  if (/[a-z0-9]$/.test(key) && LATIN_OR_DIGIT.test(charAfter(text, span.end))) return false;
  return true;
}

/**
 * Kana keys written in hiragana must not start inside a run of hiragana: ナルト folds to なると,
 * which is also the end of "いつになると". Short kanji keys must stand apart from other kanji:
 * 日常 is a title, but not inside 日常系.
 */
export function standsApartInJapanese(text: string, span: Span, key: string): boolean {
  const written = text.slice(span.start, span.end);
  if (HIRAGANA_ONLY.test(written) && HIRAGANA.test(charBefore(text, span.start))) return false;
  if (key.length <= 2 && KANJI.test(key)) {
    if (KANJI.test(charBefore(text, span.start)) || KANJI.test(charAfter(text, span.end)))
      return false;
  }
  return true;
}

/** Two-letter Latin aliases (OP, DB, HQ) only count in capitals, as fans write them. */
export function writtenInCapitals(text: string, span: Span): boolean {
  const letters = normalizeText(text.slice(span.start, span.end)).replace(/[^A-Za-z]/g, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/**
 * Evidence that an everyday word is meant as a title: quoted, in capitals (MONSTER), followed by
 * a volume, の新刊 or a series fact (連載, 完結, "ended"), or preceded by "manga"/漫画 ("the manga
 * Monster").
 */
export function hasTitleCue(text: string, span: Span): boolean {
  if (
    OPENING_QUOTE.has(charBefore(text, span.start)) &&
    CLOSING_QUOTE.has(charAfter(text, span.end))
  )
    return true;
  const letters = normalizeText(text.slice(span.start, span.end)).replace(/[^A-Za-z]/g, '');
  if (letters.length >= 3 && letters === letters.toUpperCase()) return true;
  const after = normalizeText(text.slice(span.end, span.end + 24)).toLowerCase();
  if (CUE_AFTER.test(after) || SERIES_FACT_AFTER.test(after)) return true;
  const before = normalizeText(text.slice(Math.max(0, span.start - 16), span.start)).toLowerCase();
  return CUE_BEFORE.test(before);
}
