import type { Document } from '@mangaassist/contracts';
import type { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { findOrderIds } from '../pii/order-id.protector';
import type { PiiCandidate } from '../pii/pii-detector';
import type { PiiScanner } from '../pii/pii-scanner';
import { redactSpans } from '../pii/redaction';
import { REASON } from '../verdict/reason-codes';
import type { CheckedAnswer } from './answer-text';
import { type Claim, extractClaims } from './claim-extractor';
import { competitorPriceSentences } from './competitor-price.rules';
import { EvidenceIndex } from './evidence-index';
import { findPromises } from './policy-promise.rules';

/** Scores below `blockBelow` block, below `warnBelow` warn. */
export interface GroundingThresholds {
  warnBelow: number;
  blockBelow: number;
}

export interface OutputCheck {
  reasons: string[];
  groundingScore: number;
  /** True when there was no evidence to ground against (nothing was retrieved). */
  groundingSkipped: boolean;
  claimCount: number;
  unsupportedClaims: string[];
  redactedAnswer: string;
}

/**
 * CheckOutput's logic: the grounding score of the answer's checkable claims (titles, dates,
 * numbers with units, and promises of refunds, discounts or delivery) against an evidence
 * index; the policy rules (promises beyond policy, competitor prices, other customers' data);
 * PII redaction. Without evidence, grounding is skipped: an answer that states any checkable
 * fact is blocked (output.no_evidence) and the caller answers with a safe template.
 */
export class OutputChecker {
  constructor(
    private readonly vocabulary: () => CatalogVocabulary,
    private readonly scanner: PiiScanner,
    private readonly thresholds: GroundingThresholds,
  ) {}

  check(answer: CheckedAnswer, evidence: readonly Document[], question = ''): OutputCheck {
    const text = answer.folded;
    const index = new EvidenceIndex(evidence);
    const skipped = index.isEmpty;
    const claims = extractClaims(text, this.vocabulary().findTitles(text));
    const promises = findPromises(text, index.policyBodies);
    const asked = numbersIn(question);
    const unsupported = [
      ...claims.filter(
        (claim) => skipped || (!index.supports(claim) && !echoesQuestion(claim, asked)),
      ),
      ...promises.filter((promise) => skipped || !promise.backed),
    ].sort((a, b) => a.start - b.start);
    const claimCount = claims.length + promises.length;
    const groundingScore = claimCount === 0 ? 1 : (claimCount - unsupported.length) / claimCount;

    const reasons: string[] = [];
    if (skipped) {
      if (claimCount > 0) reasons.push(REASON.outputNoEvidence);
    } else if (groundingScore < this.thresholds.blockBelow) {
      reasons.push(REASON.outputUngrounded);
    } else if (groundingScore < this.thresholds.warnBelow) {
      reasons.push(REASON.outputWeaklyGrounded);
    }
    if (promises.some((p) => !p.backed)) reasons.push(REASON.outputPolicyPromise);
    if (competitorPriceSentences(text).length > 0) reasons.push(REASON.outputCompetitorPrice);

    // A name or place copied from a cited synopsis or policy is public, not the customer's.
    const pii = this.scanner
      .scan(text)
      .filter((span) => !index.corpus.includes(answer.normalized.slice(span.start, span.end)));
    if (revealsOtherCustomers(text, pii, question, index.corpus)) {
      reasons.push(REASON.outputOtherCustomerData);
    }
    if (pii.length > 0) reasons.push(REASON.outputPii);

    return {
      reasons,
      groundingScore,
      groundingSkipped: skipped,
      claimCount,
      unsupportedClaims: unsupported.map((claim) => claim.text),
      redactedAnswer: redactSpans(answer.normalized, pii),
    };
  }
}

/**
 * The shopper's own PII never reaches generation (the question is redacted first), so contact
 * data in an answer that the evidence does not hold belongs to someone else, or is invented;
 * the same goes for an order id the shopper did not write. A bare name stays a warning: the
 * PERSON detector also fires on characters addressed with an honorific.
 */
function revealsOtherCustomers(
  answer: string,
  pii: readonly PiiCandidate[],
  question: string,
  corpus: string,
): boolean {
  if (pii.some((span) => span.type !== 'PERSON')) return true;
  return findOrderIds(answer).some((id) => !question.includes(id) && !corpus.includes(id));
}

/** Every number written in the shopper's question, commas removed. */
function numbersIn(question: string): Set<string> {
  return new Set((question.match(/\d[\d,]*/g) ?? []).map((n) => n.replace(/,/g, '')));
}

/**
 * Repeating the shopper's own number ("volume 130 has not been announced") states nothing new,
 * so it is not a claim the evidence must back. Titles and dates still need the evidence.
 */
function echoesQuestion(claim: Claim, asked: ReadonlySet<string>): boolean {
  return (
    claim.kind !== 'title' &&
    claim.kind !== 'date' &&
    claim.numbers.length > 0 &&
    claim.numbers.every((n) => asked.has(n))
  );
}
