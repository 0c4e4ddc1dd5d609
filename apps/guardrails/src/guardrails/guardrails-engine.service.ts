import type { MessageInitShape } from '@bufbuild/protobuf';
import {
  type CheckInputRequest,
  CheckInputResponseSchema,
  type CheckOutputRequest,
  CheckOutputResponseSchema,
  Locale,
  type RedactDocumentsRequest,
  RedactDocumentsResponseSchema,
  type RedactRequest,
  RedactResponseSchema,
} from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';
import { normalizeText } from '@mangaassist/text';
import type { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import type { InjectionScorer } from '../injection/injection-classifier';
import { InputChecker } from '../input/input-checker';
import { type InjectionThresholds, InputScreen } from '../input/input-screen';
import { readMessage } from '../input/message-readings';
import { checkedAnswer } from '../output/answer-text';
import { type GroundingThresholds, OutputChecker } from '../output/output-checker';
import { redactDocuments } from '../pii/document-redaction';
import type { PiiCandidate } from '../pii/pii-detector';
import type { NameTagger } from '../pii/name-tagger/name-tagger';
import { TaggedNameDetector } from '../pii/name-tagger/tagged-name.detector';
import { PiiScanner } from '../pii/pii-scanner';
import { redactSpans } from '../pii/redaction';
import { checkedText } from '../text/checked-text';
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
type RedactDocumentsReply = MessageInitShape<typeof RedactDocumentsResponseSchema>;

export const GUARDRAILS_ENGINE = Symbol('GUARDRAILS_ENGINE');

const KNOWN_LOCALES = new Set<number>([Locale.UNSPECIFIED, Locale.JA, Locale.EN]);

export interface GuardrailsEngineOptions {
  /** Catalog names; a getter because they load after construction (onModuleInit). */
  vocabulary: () => CatalogVocabulary;
  /** The trained injection classifier; a getter for the same reason. */
  injection: () => InjectionScorer;
  /** The trained name tagger, if any; PERSON uses the context rules alone without it. */
  names?: () => NameTagger | undefined;
  grounding: GroundingThresholds;
  injectionThresholds: InjectionThresholds;
}

/**
 * The rpcs as plain synchronous logic: request validation, normalization (NFKC, invisible
 * characters out, look-alikes folded for the checks), the checks and the reply.
 */
export class GuardrailsEngine {
  /** Text the store wrote or generated from its documents: answers, synopses, policies. */
  private readonly scanner: PiiScanner;
  /**
   * Text a shopper wrote (messages, feedback comments): the rules plus the name tagger, which
   * learned names from chat messages and misreads store prose (UI labels, brand names).
   */
  private readonly shopperScanner: PiiScanner;
  private readonly inputScreen: InputScreen;
  private readonly outputChecker: OutputChecker;

  constructor(options: GuardrailsEngineOptions) {
    const publicNames = {
      findPublicNames: (text: string) => options.vocabulary().findPublicNames(text),
    };
    const names = options.names;
    this.scanner = PiiScanner.withDefaultDetectors(publicNames);
    this.shopperScanner = names
      ? PiiScanner.withDefaultDetectors(publicNames, [new TaggedNameDetector(names)])
      : this.scanner;
    this.inputScreen = new InputScreen(
      new InputChecker(),
      options.injection,
      options.injectionThresholds,
    );
    this.outputChecker = new OutputChecker(options.vocabulary, this.scanner, options.grounding);
  }

  checkInput(request: CheckInputRequest): CheckInputReply {
    if (request.text.length > MAX_INPUT_CHARS) {
      throw invalidArgument(
        `text: must be at most ${MAX_INPUT_CHARS} characters (got ${request.text.length})`,
      );
    }
    checkLocale(request.locale);
    const text = checkedText(request.text);
    if (text.normalized === '' && text.hidden.length === 0) {
      throw invalidArgument('text: must not be empty or whitespace only');
    }

    const reasons: string[] = [];
    if (text.normalized.length > INPUT_BLOCK_ABOVE_CHARS) reasons.push(REASON.inputTooLong);
    const screening = this.inputScreen.screen(readMessage(text));
    reasons.push(...screening.reasons);
    if (text.normalized === '' && reasons.length === 0) {
      // Nothing visible and nothing hidden worth blocking: as empty as whitespace.
      throw invalidArgument('text: must not be empty or whitespace only');
    }
    const pii = this.shopperScanner.scan(text.folded);
    for (const type of new Set(pii.map((span) => span.type))) reasons.push(piiReason(type));
    return {
      verdict: verdictFor(reasons),
      reasons,
      redactedText: redactSpans(text.normalized, pii),
      pii: toPiiSpans(pii),
      injectionScore: screening.injectionScore,
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
    checkEvidence(request.evidence, 'evidence');
    checkLocale(request.locale);
    const answer = checkedAnswer(request.answer);
    if (answer.normalized === '') {
      throw invalidArgument('answer: must not be empty or whitespace only');
    }

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
      groundingSkipped: result.groundingSkipped,
      claimCount: result.claimCount,
    };
  }

  redact(request: RedactRequest): RedactReply {
    if (request.text.length > MAX_REDACT_CHARS) {
      throw invalidArgument(
        `text: must be at most ${MAX_REDACT_CHARS} characters (got ${request.text.length})`,
      );
    }
    const text = checkedText(request.text);
    if (text.normalized === '') return { redactedText: '', pii: [] };
    const pii = this.shopperScanner.scan(text.folded);
    return { redactedText: redactSpans(text.normalized, pii), pii: toPiiSpans(pii) };
  }

  redactDocuments(request: RedactDocumentsRequest): RedactDocumentsReply {
    checkEvidence(request.documents, 'documents');
    return redactDocuments(request.documents, this.scanner);
  }
}

function checkEvidence(documents: RedactDocumentsRequest['documents'], field: string): void {
  if (documents.length > MAX_EVIDENCE_DOCUMENTS) {
    throw invalidArgument(
      `${field}: at most ${MAX_EVIDENCE_DOCUMENTS} documents (got ${documents.length})`,
    );
  }
  documents.forEach((document, i) => {
    if (document.content.case === undefined) {
      throw invalidArgument(`${field}[${i}]: must hold an item or a policy`);
    }
    if (document.content.value.id.trim() === '') {
      throw invalidArgument(`${field}[${i}]: ${document.content.case} has no id`);
    }
  });
}

function checkLocale(locale: Locale): void {
  if (!KNOWN_LOCALES.has(locale)) throw invalidArgument(`locale: unknown value ${locale}`);
}

function toPiiSpans(spans: readonly PiiCandidate[]) {
  return spans.map((span) => ({ type: span.type, start: span.start, end: span.end }));
}
