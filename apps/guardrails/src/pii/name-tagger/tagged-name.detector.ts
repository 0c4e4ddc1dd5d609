import type { PiiCandidate, PiiDetector } from '../pii-detector';
import type { NameTagger } from './name-tagger';

/**
 * How much of a text the tagger reads. Chat messages are short (the median is under 60
 * characters); scoring every candidate of a 2,000-character text costs 1–3 ms, more than all
 * other checks together, and the turn budget is 3 ms. Beyond this the context rules still run
 * over the whole text.
 */
export const MAX_TAGGED_CHARS = 300;

/** PERSON spans from the trained name tagger; none while it is training or switched off. */
export class TaggedNameDetector implements PiiDetector {
  readonly type = 'PERSON' as const;

  constructor(private readonly tagger: () => NameTagger | undefined) {}

  detect(text: string): PiiCandidate[] {
    const tagger = this.tagger();
    if (!tagger) return [];
    return tagger
      .tag(text.slice(0, MAX_TAGGED_CHARS))
      .map((span) => ({ type: this.type, ...span }));
  }
}
