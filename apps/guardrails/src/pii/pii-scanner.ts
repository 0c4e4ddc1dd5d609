import { AddressDetector } from './address.detector';
import { CreditCardDetector } from './credit-card.detector';
import { EmailDetector } from './email.detector';
import { InternationalPhoneDetector } from './international-phone.detector';
import { IsbnProtector } from './isbn.protector';
import { MyNumberDetector } from './my-number.detector';
import { OrderIdProtector } from './order-id.protector';
import { PersonContextDetector } from './person-context.detector';
import { PersonDetector } from './person.detector';
import { PhoneDetector } from './phone.detector';
import {
  type PiiCandidate,
  type PiiDetector,
  type PiiType,
  type PublicNameFinder,
  type SpanProtector,
} from './pii-detector';
import { PostalCodeDetector } from './postal-code.detector';
import { StreetAddressDetector } from './street-address.detector';
import { UsZipDetector } from './us-zip.detector';
import { resolveOverlaps } from './overlap-resolution';
import { SpanMask } from './span-mask';
import type { TextSpan } from './text-span';

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

  /** `extraDetectors` run after the built-in ones, e.g. the trained name tagger. */
  static withDefaultDetectors(
    publicNames?: PublicNameFinder,
    extraDetectors: readonly PiiDetector[] = [],
  ): PiiScanner {
    return new PiiScanner(
      [
        new EmailDetector(),
        new CreditCardDetector(),
        new MyNumberDetector(),
        new PhoneDetector(),
        new InternationalPhoneDetector(),
        new PostalCodeDetector(),
        new UsZipDetector(),
        new AddressDetector(),
        new StreetAddressDetector(),
        new PersonDetector(),
        new PersonContextDetector(),
        ...extraDetectors,
      ],
      [new OrderIdProtector(), new IsbnProtector()],
      publicNames,
    );
  }

  /**
   * PII spans of normalized text, sorted by start, never overlapping. Detectors of the
   * `skipped` types do not run at all (a synopsis's character names are not looked for).
   */
  scan(text: string, skipped: readonly PiiType[] = []): PiiCandidate[] {
    if (text.length === 0) return [];
    const fenced = SpanMask.of(
      this.protectors.flatMap((p) => p.find(text)),
      text.length,
    );
    let candidates = this.detectors
      .filter((d) => !skipped.includes(d.type))
      .flatMap((d) => d.detect(text))
      .filter((c) => c.end > c.start && !fenced.overlaps(c));
    if (candidates.some((c) => c.type === 'PERSON') && this.publicNames) {
      // Title and author names (高木さん in からかい上手の高木さん, 尾田栄一郎さん) are not customers.
      // Only a name that lies wholly inside a public one is dropped: "Emma Rossi" keeps its
      // surname even though Emma is a catalog title.
      const names = publicNamesAround(text, candidates, this.publicNames);
      candidates = candidates.filter(
        (c) => c.type !== 'PERSON' || !names.some((n) => n.start <= c.start && c.end <= n.end),
      );
    }
    return resolveOverlaps(separatePostalCodes(text, candidates));
  }
}

/**
 * An address that runs into its postal code ("…, Portland, OR 97205", "〒150-0041 東京都…") is
 * cut back to leave the code its own span: both are redacted either way, but the trace says
 * what each piece was.
 */
function separatePostalCodes(text: string, candidates: PiiCandidate[]): PiiCandidate[] {
  const codes = candidates.filter((c) => c.type === 'POSTAL_CODE');
  if (codes.length === 0) return candidates;
  return candidates.map((candidate) => {
    if (candidate.type !== 'ADDRESS') return candidate;
    let { start, end } = candidate;
    for (const code of codes) {
      if (code.start > start && code.end >= end && code.start < end) end = code.start;
      if (code.start <= start && code.end < end && code.end > start) start = code.end;
    }
    // The separators left between the two pieces belong to neither.
    while (end > start && /[\s,、]/u.test(text[end - 1])) end -= 1;
    while (start < end && /[\s,、]/u.test(text[start])) start += 1;
    return { ...candidate, start, end };
  });
}

// Longer than any catalog title or author name a PERSON candidate could sit inside.
const PUBLIC_NAME_REACH = 48;

/**
 * Public names only matter where they could contain a PERSON candidate, so the catalog is
 * searched in windows around the candidates rather than over the whole text (a long message
 * with one name would otherwise pay for every character).
 */
function publicNamesAround(
  text: string,
  candidates: readonly PiiCandidate[],
  finder: PublicNameFinder,
): TextSpan[] {
  const windows: TextSpan[] = [];
  for (const candidate of [...candidates]
    .filter((c) => c.type === 'PERSON')
    .sort((a, b) => a.start - b.start)) {
    const start = Math.max(0, candidate.start - PUBLIC_NAME_REACH);
    const end = Math.min(text.length, candidate.end + PUBLIC_NAME_REACH);
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows.flatMap((window) =>
    finder
      .findPublicNames(text.slice(window.start, window.end))
      .map((name) => ({ start: name.start + window.start, end: name.end + window.start })),
  );
}
