import type { MessageInitShape } from '@bufbuild/protobuf';
import {
  type CheckInputRequest,
  CheckInputResponseSchema,
  type CheckOutputRequest,
  CheckOutputResponseSchema,
  Locale,
  type RedactRequest,
  RedactResponseSchema,
} from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';
import { normalizeText } from '@mangaassist/text';
import type { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { InputChecker } from '../input/input-checker';
import { normalizeAnswer } from '../output/answer-text';
import { type GroundingThresholds, OutputChecker } from '../output/output-checker';
import type { PiiCandidate } from '../pii/pii-detector';
import { PiiScanner } from '../pii/pii-scanner';
import { redactSpans } from '../pii/redaction';
import { piiReason, REASON, verdictFor } from '../verdict/reason-codes';
import {
  INPUT_BLOCK_ABOVE_CHARS,
  MAX_ANSWER_CHARS,
  MAX_EVIDENCE_DOCUMENTS,
  MAX_INPUT_CHARS,
  MAX_QUESTION_CHARS,
  MAX_REDACT_CHARS,
} from './request-limits';

type CheckInputReply = MessageInitShape<typeof CheckInputResponseSchema>;
type CheckOutputReply = MessageInitShape<typeof CheckOutputResponseSchema>;
type RedactReply = MessageInitShape<typeof RedactResponseSchema>;

export const GUARDRAILS_ENGINE = Symbol('GUARDRAILS_ENGINE');

const KNOWN_LOCALES = new Set<number>([Locale.UNSPECIFIED, Locale.JA, Locale.EN]);

/**
 * The three rpcs as plain synchronous logic: request validation, normalization, the checks and
 * the reply. The catalog vocabulary is read through a getter because it loads after
 * construction (in CatalogVocabularyService.onModuleInit).
 */
export class GuardrailsEngine {
  private readonly scanner: PiiScanner;
  private readonly inputChecker = new InputChecker();
  private readonly outputChecker: OutputChecker;

  constructor(vocabulary: () => CatalogVocabulary, thresholds: GroundingThresholds) {
    this.scanner = PiiScanner.withDefaultDetectors({
      findPublicNames: (text) => vocabulary().findPublicNames(text),
    });
    this.outputChecker = new OutputChecker(vocabulary, this.scanner, thresholds);
  }

  checkInput(request: CheckInputRequest): CheckInputReply {
    if (request.text.length > MAX_INPUT_CHARS) {
      throw invalidArgument(
        `text: must be at most ${MAX_INPUT_CHARS} characters (got ${request.text.length})`,
      );
    }
    checkLocale(request.locale);
    const normalized = normalizeText(request.text);
    if (normalized === '') throw invalidArgument('text: must not be empty or whitespace only');

    const reasons: string[] = [];
    if (normalized.length > INPUT_BLOCK_ABOVE_CHARS) reasons.push(REASON.inputTooLong);
    reasons.push(...this.inputChecker.check(normalized));
    const pii = this.scanner.scan(normalized);
    for (const type of new Set(pii.map((span) => span.type))) reasons.push(piiReason(type));
    return {
      verdict: verdictFor(reasons),
      reasons,
      redactedText: redactSpans(normalized, pii),
      pii: toPiiSpans(pii),
    };
  }

  checkOutput(request: CheckOutputRequest): CheckOutputReply {
    if (request.answer.length > MAX_ANSWER_CHARS) {
      throw invalidArgument(
        `answer: must be at most ${MAX_ANSWER_CHARS} characters (got ${request.answer.length})`,
      );
    }
    if (request.question.length > MAX_QUESTION_CHARS) {
      throw invalidArgument(`question: must be at most ${MAX_QUESTION_CHARS} characters`);
    }
    if (request.evidence.length > MAX_EVIDENCE_DOCUMENTS) {
      throw invalidArgument(
        `evidence: at most ${MAX_EVIDENCE_DOCUMENTS} documents (got ${request.evidence.length})`,
      );
    }
    request.evidence.forEach((document, i) => {
      if (document.content.case === undefined) {
        throw invalidArgument(`evidence[${i}]: must hold an item or a policy`);
      }
      if (document.content.value.id.trim() === '') {
        throw invalidArgument(`evidence[${i}]: ${document.content.case} has no id`);
      }
    });
    checkLocale(request.locale);
    const answer = normalizeAnswer(request.answer);
    if (answer === '') throw invalidArgument('answer: must not be empty or whitespace only');

    const result = this.outputChecker.check(
      answer,
      request.evidence,
      normalizeText(request.question),
    );
    return {
      verdict: verdictFor(result.reasons),
      groundingScore: result.groundingScore,
      unsupportedClaims: result.unsupportedClaims,
      redactedAnswer: result.redactedAnswer,
      reasons: result.reasons,
    };
  }

  redact(request: RedactRequest): RedactReply {
    if (request.text.length > MAX_REDACT_CHARS) {
      throw invalidArgument(
        `text: must be at most ${MAX_REDACT_CHARS} characters (got ${request.text.length})`,
      );
    }
    const normalized = normalizeText(request.text);
    if (normalized === '') return { redactedText: '', pii: [] };
    const pii = this.scanner.scan(normalized);
    return { redactedText: redactSpans(normalized, pii), pii: toPiiSpans(pii) };
  }
}

function checkLocale(locale: Locale): void {
  if (!KNOWN_LOCALES.has(locale)) throw invalidArgument(`locale: unknown value ${locale}`);
}

function toPiiSpans(spans: readonly PiiCandidate[]) {
  return spans.map((span) => ({ type: span.type, start: span.start, end: span.end }));
}
