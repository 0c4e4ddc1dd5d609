import type { PiiCandidate, PiiDetector } from './pii-detector';
import { collectMatches } from './text-span';

// ASCII addresses only: NFKC has already turned full-width ＠ and letters into ASCII.
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

export class EmailDetector implements PiiDetector {
  readonly type = 'EMAIL' as const;

  detect(text: string): PiiCandidate[] {
    if (!text.includes('@')) return [];
    return collectMatches(EMAIL, text, (m) => ({
      type: this.type,
      start: m.index,
      end: m.index + m[0].length,
    }));
  }
}
