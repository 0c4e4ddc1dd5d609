/** A half-open range of UTF-16 offsets into the normalized text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** The end of the furthest span, 0 for none; sizes a SpanMask. */
export function furthestEnd(spans: readonly TextSpan[]): number {
  return spans.reduce((max, span) => Math.max(max, span.end), 0);
}

/**
 * Every accepted match of a global regex. A rejected match is retried one character later,
 * so that a long false candidate (a date next to a phone number) cannot hide a real match
 * that starts inside it.
 */
export function collectMatches<T>(
  pattern: RegExp,
  text: string,
  accept: (match: RegExpExecArray) => T | undefined,
): T[] {
  const found: T[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const value = accept(match);
    if (value === undefined) {
      pattern.lastIndex = match.index + 1;
    } else {
      found.push(value);
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
  }
  pattern.lastIndex = 0;
  return found;
}

/** The span of capture group `group` of a match made with the `d` (indices) flag. */
export function groupSpan(match: RegExpExecArray, group: number): TextSpan | undefined {
  const range = match.indices?.[group];
  return range ? { start: range[0], end: range[1] } : undefined;
}
