import type { PiiCandidate } from './pii-detector';

/** The text with every span replaced by [TYPE]; spans must be sorted and disjoint. */
export function redactSpans(text: string, spans: readonly PiiCandidate[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    out += text.slice(cursor, span.start) + `[${span.type}]`;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}
