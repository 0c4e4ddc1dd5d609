import { Locale, type ClassifyRequest } from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';

export const MAX_TEXT_CHARACTERS = 2000;

/**
 * Rejects what no classification can answer: no text, too much text (counted in characters,
 * not UTF-16 units, so an emoji counts once), or a locale this contract does not define.
 */
export function validateClassifyRequest(request: ClassifyRequest): void {
  if (request.text.trim() === '') throw invalidArgument('text: must not be empty');
  // UTF-16 units never undercount characters, so short texts need no code point count.
  if (request.text.length > MAX_TEXT_CHARACTERS) {
    const characters = [...request.text].length;
    if (characters > MAX_TEXT_CHARACTERS) {
      throw invalidArgument(
        `text: must be at most ${format(MAX_TEXT_CHARACTERS)} characters (got ${format(characters)})`,
      );
    }
  }
  if (Locale[request.locale] === undefined) {
    throw invalidArgument(`locale: unknown value ${request.locale}`);
  }
}

function format(n: number): string {
  return n.toLocaleString('en-US');
}
