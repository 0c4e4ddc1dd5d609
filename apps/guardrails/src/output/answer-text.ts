import { normalizeText } from '@mangaassist/text';
import { foldConfusables } from '../text/confusables';
import { stripInvisible } from '../text/hidden-text';

/** An answer as CheckOutput reads it; both strings have the same length. */
export interface CheckedAnswer {
  /** Normalized line by line; the redacted answer is built from it. */
  normalized: string;
  /** `normalized` with look-alikes folded; claims and PII are found in it. */
  folded: string;
}

/**
 * normalizeText line by line: the redacted answer goes back to the shopper, so its line breaks
 * (lists, paragraphs) survive while every line gets the same NFKC/zero-width treatment.
 */
export function normalizeAnswer(answer: string): string {
  return answer
    .split(/\r\n|\r|\n/)
    .map((line) => normalizeText(stripInvisible(line)))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function checkedAnswer(answer: string): CheckedAnswer {
  const normalized = normalizeAnswer(answer);
  return { normalized, folded: foldConfusables(normalized) };
}
