import { normalizeText } from '@mangaassist/text';
import { foldConfusables } from './confusables';
import { decodeTagCharacters, stripInvisible } from './hidden-text';

/** One text as every check reads it. */
export interface CheckedText {
  /**
   * normalizeText (NFKC, zero-width and bidi characters out, lone surrogates replaced, spaces
   * collapsed) with the remaining invisible characters removed. Offsets of PiiSpan refer to it
   * and redacted text is built from it, so scripts other than Latin survive untouched.
   */
  normalized: string;
  /** `normalized` with look-alikes folded (see foldConfusables); exactly as long. */
  folded: string;
  /** ASCII text hidden in Unicode tag characters, decoded; rules read it as a payload. */
  hidden: string[];
}

export function checkedText(raw: string): CheckedText {
  const hidden = decodeTagCharacters(raw)
    .map((payload) => normalizeText(payload))
    .filter((payload) => payload !== '');
  const normalized = normalizeText(stripInvisible(raw));
  return { normalized, folded: foldConfusables(normalized), hidden };
}
