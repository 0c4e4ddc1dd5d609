/** One streamed chat call to one model: the prompt as the model API takes it. */
export interface ModelCall {
  modelId: string;
  system: string;
  /** The user message: evidence, history and question rendered from the prompt release. */
  user: string;
  maxOutputTokens: number;
  temperature: number;
  /** For the provider's request logs (Bedrock and gateways accept a request id). */
  traceId: string;
}

/** What a model streams back, normalized across Bedrock Converse and chat completions. */
export type ModelEvent =
  | { kind: 'text'; text: string }
  | { kind: 'usage'; inputTokens: number; outputTokens: number }
  | { kind: 'stop'; reason: 'complete' | 'length' };

/**
 * The port to a chat model API. Implementations stream events as they arrive, stop the
 * underlying request when the signal aborts, and report failures by throwing ModelCallError.
 */
export interface ModelClient {
  /** bedrock or openai: recorded with every attempt. */
  readonly provider: string;
  stream(call: ModelCall, signal: AbortSignal): AsyncIterable<ModelEvent>;
  /** Releases connections (the Bedrock client keeps HTTP/2 sessions open). */
  close(): void;
}

export const MODEL_CLIENT = Symbol('MODEL_CLIENT');

/**
 * Why a call failed, as the fallback policy needs it: throttled and unavailable are transient
 * (retried with backoff), timeout means the model is too slow right now (fall back at once),
 * error is anything else (a bad request, a broken stream; fall back, never retry).
 */
export type FailureKind = 'throttled' | 'unavailable' | 'timeout' | 'error' | 'cancelled';

export class ModelCallError extends Error {
  /** Tokens the failed call is billed for, estimated when the model could not say. */
  billed = { inputTokens: 0, outputTokens: 0 };

  constructor(
    readonly kind: FailureKind,
    message: string,
    /** Server-suggested wait (Retry-After), when it gave one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ModelCallError';
  }

  get retryable(): boolean {
    return this.kind === 'throttled' || this.kind === 'unavailable';
  }
}

/** Any thrown value as a ModelCallError; unknown failures are plain errors. */
export function asModelCallError(error: unknown): ModelCallError {
  if (error instanceof ModelCallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ModelCallError('error', message);
}
