import type { SpanProtector } from './pii-detector';
import { collectMatches, type TextSpan } from './text-span';

// Any 13-digit 978/979 run is treated as an ISBN, valid check digit or not: shoppers paste them
// from book listings, and no payment card or phone number starts that way.
const ISBN_13 = /(?<![\d-])97[89](?:[- ]?\d){10}(?![\d-])/g;

export class IsbnProtector implements SpanProtector {
  find(text: string): TextSpan[] {
    return collectMatches(ISBN_13, text, (m) => ({ start: m.index, end: m.index + m[0].length }));
  }
}
