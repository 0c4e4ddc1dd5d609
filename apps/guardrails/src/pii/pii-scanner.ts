import { AddressDetector } from './address.detector';
import { CreditCardDetector } from './credit-card.detector';
import { EmailDetector } from './email.detector';
import { IsbnProtector } from './isbn.protector';
import { MyNumberDetector } from './my-number.detector';
import { OrderIdProtector } from './order-id.protector';
import { PersonDetector } from './person.detector';
import { PhoneDetector } from './phone.detector';
import {
  PII_TYPES,
  type PiiCandidate,
  type PiiDetector,
  type PublicNameFinder,
  type SpanProtector,
} from './pii-detector';
import { PostalCodeDetector } from './postal-code.detector';
import { SpanMask } from './span-mask';
import { furthestEnd } from './text-span';

const SPECIFICITY = new Map(PII_TYPES.map((type, rank) => [type, rank]));

/**
 * Runs the protectors, then every detector, then keeps one span where candidates overlap:
 * the longest, and of equally long ones the most specific type (EMAIL before PERSON).
 */
export class PiiScanner {
  constructor(
    private readonly detectors: readonly PiiDetector[],
    private readonly protectors: readonly SpanProtector[],
    private readonly publicNames?: PublicNameFinder,
  ) {}

  static withDefaultDetectors(publicNames?: PublicNameFinder): PiiScanner {
    return new PiiScanner(
      [
        new EmailDetector(),
        new CreditCardDetector(),
        new MyNumberDetector(),
        new PhoneDetector(),
        new PostalCodeDetector(),
        new AddressDetector(),
        new PersonDetector(),
      ],
      [new OrderIdProtector(), new IsbnProtector()],
      publicNames,
    );
  }

  /** PII spans of normalized text, sorted by start, never overlapping. */
  scan(text: string): PiiCandidate[] {
    if (text.length === 0) return [];
    const fenced = SpanMask.of(
      this.protectors.flatMap((p) => p.find(text)),
      text.length,
    );
    let candidates = this.detectors
      .flatMap((d) => d.detect(text))
      .filter((c) => c.end > c.start && !fenced.overlaps(c));
    if (candidates.some((c) => c.type === 'PERSON') && this.publicNames) {
      // Title and author names (高木さん in からかい上手の高木さん, 尾田栄一郎さん) are not customers.
      const names = SpanMask.of(this.publicNames.findPublicNames(text), text.length);
      candidates = candidates.filter((c) => c.type !== 'PERSON' || !names.overlaps(c));
    }
    return resolveOverlaps(candidates);
  }
}

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
