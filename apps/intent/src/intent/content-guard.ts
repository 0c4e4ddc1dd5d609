import { normalizeText } from '@mangaassist/text';

/** The rule name reported for a message with nothing to read in it. */
export const NO_TEXT_CONTENT_RULE = 'no_text_content';
/**
 * The confidence reported for such a message: below any sensible routing floor, so the turn
 * asks the shopper what they need instead of answering a guess.
 */
export const NO_TEXT_CONTENT_CONFIDENCE = 0.2;

const READABLE = /[\p{L}\p{N}]/u;

/** False for text made only of emoji, punctuation, symbols, spaces or control characters. */
export function hasTextContent(text: string): boolean {
  return READABLE.test(normalizeText(text));
}
