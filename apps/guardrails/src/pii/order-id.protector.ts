import type { SpanProtector } from './pii-detector';
import { collectMatches, type TextSpan } from './text-span';

// 250-1234567-1234567 (print) and D01-1234567-1234567 (digital): 17 digits that can pass Luhn
// or hide a phone-shaped run, so they are fenced off before any numeric detector runs.
const ORDER_ID = /(?<![\dA-Za-z-])(?:\d{3}|D\d{2})-\d{7}-\d{7}(?![\d-])/g;

/** Every order id written in a text, as written. */
export function findOrderIds(text: string): string[] {
  return [...text.matchAll(ORDER_ID)].map((m) => m[0]);
}

export class OrderIdProtector implements SpanProtector {
  find(text: string): TextSpan[] {
    return collectMatches(ORDER_ID, text, (m) => ({ start: m.index, end: m.index + m[0].length }));
  }
}
