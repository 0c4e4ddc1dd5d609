import type { PiiCandidate, PiiDetector } from '../pii-detector';
import type { NameTagger } from './name-tagger';

/** PERSON spans from the trained name tagger; none while it is training or switched off. */
export class TaggedNameDetector implements PiiDetector {
  readonly type = 'PERSON' as const;

  constructor(private readonly tagger: () => NameTagger | undefined) {}

  detect(text: string): PiiCandidate[] {
    const tagger = this.tagger();
    if (!tagger) return [];
    return tagger.tag(text).map((span) => ({ type: this.type, ...span }));
  }
}
