import { SpanMask } from '../pii/span-mask';
import { furthestEnd, type TextSpan } from '../pii/text-span';

/** Of overlapping spans keep the longest (then the earliest); the result is sorted by start. */
export function resolveLongest<T extends TextSpan>(spans: readonly T[]): T[] {
  const ranked = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken = new SpanMask(furthestEnd(spans));
  const kept: T[] = [];
  for (const span of ranked) {
    if (taken.overlaps(span)) continue;
    taken.add(span);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}
