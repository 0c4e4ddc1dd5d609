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

/** ok, or why a call failed (see FailureKind in llm/model-client.ts). */
export type AttemptOutcome = 'ok' | 'throttled' | 'unavailable' | 'timeout' | 'error' | 'cancelled';

/** One call to a model or to the composer, as recorded in Final.attempts and the trace. */
export interface AttemptRecord {
  modelId: string;
  outcome: AttemptOutcome;
  /** Empty when the outcome is ok. */
  error: string;
  millis: number;
  inputTokens: number;
  outputTokens: number;
}

/** What a provider reports once its text is complete. */
export interface AnswerMetadata {
  /** The documents the text used, in order of first use. */
  citations: AnswerCitation[];
  /** complete, or length when a model hit its token limit. */
  finishReason: 'complete' | 'length';
  modelId: string;
  promptVersion: string;
  /** Billed tokens of the whole answer, fallbacks included. */
  inputTokens: number;
  outputTokens: number;
  /** From the price table; 0 for the composer. */
  estimatedCostUsd: number;
  /** The calls that led to this answer; empty when the provider made exactly one call. */
  attempts: AttemptRecord[];
}

/** A provider streams text pieces and ends with exactly one done event. */
export type AnswerEvent =
  { kind: 'text'; text: string } | { kind: 'done'; metadata: AnswerMetadata };

/**
 * The port to whatever writes answers: the embedded local composer, a model on Bedrock
 * Converse or an OpenAI-compatible endpoint, or a chain of them with fallbacks. Pieces arrive
 * as they are produced; a provider stops when the signal aborts (the shopper left) and reports
 * failures by throwing from the iterator.
 */
export interface AnswerProvider {
  /** The model or composer, recorded on every final event (also failed ones). */
  readonly modelId: string;
  readonly promptVersion: string;
  generate(request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent>;
}

/** A model tier: fast (Haiku-class) for most turns, strong (Sonnet-class) for hard ones. */
export type ModelTier = 'fast' | 'strong';

/**
 * The providers of the configured GENERATION_PROVIDER. Turns that must never reach a model
 * (templates, catalog API answers, no evidence) always go to the composer, whatever the
 * configuration; the others go to the provider of their tier.
 */
export interface AnswerProviders {
  readonly composer: AnswerProvider;
  forTier(tier: ModelTier): AnswerProvider;
}

export const ANSWER_PROVIDERS = Symbol('ANSWER_PROVIDERS');
