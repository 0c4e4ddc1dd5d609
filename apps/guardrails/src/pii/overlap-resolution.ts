import { PII_TYPES, type PiiCandidate } from './pii-detector';
import { SpanMask } from './span-mask';
import { furthestEnd } from './text-span';

const SPECIFICITY = new Map(PII_TYPES.map((type, rank) => [type, rank]));

/** Keeps one span where candidates overlap: the longest, then the most specific type. */
export function resolveOverlaps(candidates: readonly PiiCandidate[]): PiiCandidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (SPECIFICITY.get(a.type) ?? 99) - (SPECIFICITY.get(b.type) ?? 99) ||
      a.start - b.start,
  );
  const taken = new SpanMask(furthestEnd(candidates));
  const kept: PiiCandidate[] = [];
  for (const candidate of ranked) {
    if (taken.overlaps(candidate)) continue;
    taken.add(candidate);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
