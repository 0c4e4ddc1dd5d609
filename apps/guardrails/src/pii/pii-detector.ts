import type { TextSpan } from './text-span';

/** The PII types of PiiSpan.type, in order of specificity (most specific first). */
export const PII_TYPES = [
  'EMAIL',
  'CREDIT_CARD',
  'MY_NUMBER',
  'PHONE',
  'POSTAL_CODE',
  'ADDRESS',
  'PERSON',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export interface PiiCandidate extends TextSpan {
  type: PiiType;
}

/** Finds one type of personal data in normalized text. Implementations precompile regexes. */
export interface PiiDetector {
  readonly type: PiiType;
  detect(text: string): PiiCandidate[];
}

/** Finds spans that are known not to be PII (order ids, ISBNs) before any detector runs. */
export interface SpanProtector {
  find(text: string): TextSpan[];
}

/** Finds names that are public (catalog titles, authors), which PERSON must not redact. */
export interface PublicNameFinder {
  findPublicNames(text: string): TextSpan[];
}
