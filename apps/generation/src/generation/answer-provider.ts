import type { Document, Entities, HistoryTurn, Intent, Route } from '@mangaassist/contracts';
import type { LocaleCode } from '@mangaassist/text';

/** Everything an answer may be written from; the same for the local composer and an LLM. */
export interface AnswerRequest {
  question: string;
  /** The language to answer in, already resolved (never unspecified). */
  locale: LocaleCode;
  /** Defaults applied: an unspecified intent arrives as product_question. */
  intent: Intent;
  /** Defaults applied: an unspecified route arrives as rag. */
  route: Route;
  entities: Entities | undefined;
  /** Best first; the answer may state and cite only these. */
  evidence: readonly Document[];
  /** Oldest first, PII-redacted. */
  history: readonly HistoryTurn[];
  signedIn: boolean;
  /** For the provider's own logs and outbound calls. */
  traceId: string;
}

export interface AnswerCitation {
  id: string;
  title: string;
}

/** What a provider reports once its text is complete. */
export interface AnswerMetadata {
  /** The documents the text used, in order of first use. */
  citations: AnswerCitation[];
  /** complete, or length when a model hit its token limit. */
  finishReason: 'complete' | 'length';
  modelId: string;
  promptVersion: string;
  inputTokens: number;
  outputTokens: number;
}

/** A provider streams text pieces and ends with exactly one done event. */
export type AnswerEvent =
  { kind: 'text'; text: string } | { kind: 'done'; metadata: AnswerMetadata };

/**
 * The port to whatever writes answers: the embedded local composer, later Bedrock Converse or
 * an OpenAI-compatible endpoint. Pieces arrive as they are produced; a provider stops when the
 * signal aborts (the shopper left) and reports failures by throwing from the iterator.
 */
export interface AnswerProvider {
  /** The model or composer, recorded on every final event (also failed ones). */
  readonly modelId: string;
  readonly promptVersion: string;
  generate(request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent>;
}

export const ANSWER_PROVIDER = Symbol('ANSWER_PROVIDER');
