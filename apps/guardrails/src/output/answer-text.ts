import { normalizeText } from '@mangaassist/text';

/**
 * normalizeText line by line: the redacted answer goes back to the shopper, so its line breaks
 * (lists, paragraphs) survive while every line gets the same NFKC/zero-width treatment.
 */
export function normalizeAnswer(answer: string): string {
  return answer
    .split(/\r\n|\r|\n/)
    .map((line) => normalizeText(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
