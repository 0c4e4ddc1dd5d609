import type { Document } from '@mangaassist/contracts';
import type { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import type { PiiScanner } from '../pii/pii-scanner';
import { redactSpans } from '../pii/redaction';
import { REASON } from '../verdict/reason-codes';
import { type Claim, extractClaims } from './claim-extractor';
import { competitorPriceSentences } from './competitor-price.rules';
import { EvidenceIndex } from './evidence-index';
import { unbackedPromises } from './policy-promise.rules';

/** Scores below `blockBelow` block, below `warnBelow` warn. */
export interface GroundingThresholds {
  warnBelow: number;
  blockBelow: number;
}

export interface OutputCheck {
  reasons: string[];
  groundingScore: number;
  unsupportedClaims: string[];
  redactedAnswer: string;
}

/**
 * CheckOutput's logic: the grounding score of the answer's checkable claims against an
 * evidence index, the policy-promise and competitor-price rules, and PII redaction.
 */
export class OutputChecker {
  constructor(
    private readonly vocabulary: () => CatalogVocabulary,
    private readonly scanner: PiiScanner,
    private readonly thresholds: GroundingThresholds,
  ) {}

  /** `answer` is normalized line by line (see GuardrailsEngine), so line breaks survive. */
  check(answer: string, evidence: readonly Document[], question = ''): OutputCheck {
    const index = new EvidenceIndex(evidence);
    const claims = extractClaims(answer, this.vocabulary().findTitles(answer));
    const asked = numbersIn(question);
    const unsupported = claims.filter(
      (claim) => !index.supports(claim) && !echoesQuestion(claim, asked),
    );
    const groundingScore =
      claims.length === 0 ? 1 : (claims.length - unsupported.length) / claims.length;

    const reasons: string[] = [];
    if (claims.length > 0 && index.isEmpty) reasons.push(REASON.outputNoEvidence);
    else if (groundingScore < this.thresholds.blockBelow) reasons.push(REASON.outputUngrounded);
    else if (groundingScore < this.thresholds.warnBelow) reasons.push(REASON.outputWeaklyGrounded);
    if (unbackedPromises(answer, index.policyBodies).length > 0) {
      reasons.push(REASON.outputPolicyPromise);
    }
    if (competitorPriceSentences(answer).length > 0) reasons.push(REASON.outputCompetitorPrice);

    // A name or place copied from a cited synopsis or policy is public, not the customer's.
    const pii = this.scanner
      .scan(answer)
      .filter((span) => !index.corpus.includes(answer.slice(span.start, span.end)));
    if (pii.length > 0) reasons.push(REASON.outputPii);

    return {
      reasons,
      groundingScore,
      unsupportedClaims: unsupported.map((claim) => claim.text),
      redactedAnswer: redactSpans(answer, pii),
    };
  }
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
