import type { PiiCandidate, PiiDetector } from './pii-detector';
import { findLatinNamesByCue } from './person-cues.en';
import { findJapaneseNamesByCue } from './person-cues.ja';
import { resolveOverlaps } from './overlap-resolution';

/**
 * PERSON names found from where they stand rather than from an honorific or a "my name is":
 * labelled fields (宛先：, "billing name is"), the signature that ends a message, the name a
 * message opens with, relatives and staff named in passing, quoted names, surname-space-given
 * pairs, and known given + family name pairs. The name itself must read as one (a
 * surname-shaped kanji run, a known given name), so a title or a word in those places is not
 * taken. Runs beside PersonDetector; the scanner keeps one span where both find a name.
 */
export class PersonContextDetector implements PiiDetector {
  readonly type = 'PERSON' as const;

  detect(text: string): PiiCandidate[] {
    // Several cues can find the same name ("Lily" and "Lily Ito"): report the longest once.
    return resolveOverlaps(
      [...findJapaneseNamesByCue(text), ...findLatinNamesByCue(text)].map((span) => ({
        type: this.type,
        ...span,
      })),
    );
  }
}
