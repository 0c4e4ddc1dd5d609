import { Logger } from '@nestjs/common';
import { type PriceTable, roundUsd } from '../cost/price-table';
import type {
  AnswerEvent,
  AnswerMetadata,
  AnswerProvider,
  AnswerRequest,
  AttemptRecord,
} from '../generation/answer-provider';
import { ModelCallError, asModelCallError } from '../llm/model-client';
import { abortableSleep, backoffDelayMs } from './backoff';

export interface ResiliencePolicy {
  /** Retries of a throttled or unavailable call, per provider in the chain. */
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** A provider silent for this long after the call is abandoned for the next one. */
  firstTokenTimeoutMs: number;
  /** One call, first token to last. */
  attemptTimeoutMs: number;
  /** Every attempt of one answer together. */
  budgetMs: number;
}

/**
 * Raised when no provider in the chain produced an answer, or one failed after its text had
 * started to reach the shopper. Carries the attempts so the error final can record them.
 */
export class GenerationFailure extends Error {
  constructor(
    message: string,
    readonly attempts: AttemptRecord[],
    readonly modelId: string,
    readonly promptVersion: string,
    readonly estimatedCostUsd: number,
  ) {
    super(message);
    this.name = 'GenerationFailure';
  }
}

/**
 * Runs a chain of providers (strong model -> fast model -> local composer) for one answer.
 * Before the first piece of text a failure is recoverable: throttling and unavailability are
 * retried with jittered backoff, then the next provider takes over; a silent provider is
 * abandoned after the first-token timeout. Once text has been streamed nothing is retried,
 * because the shopper has already read it: the failure is raised with every attempt recorded,
 * and the caller ends the stream with an honest error.
 */
export class ResilientAnswerProvider implements AnswerProvider {
  private readonly logger = new Logger(ResilientAnswerProvider.name);
  readonly modelId: string;
  readonly promptVersion: string;

  constructor(
    private readonly chain: readonly AnswerProvider[],
    private readonly policy: ResiliencePolicy,
    private readonly prices: PriceTable,
    private readonly random: () => number = Math.random,
  ) {
    if (chain.length === 0) throw new Error('a provider chain needs at least one provider');
    this.modelId = chain[0].modelId;
    this.promptVersion = chain[0].promptVersion;
  }

  /** The model ids in fallback order, for logs and docs. */
  get models(): string[] {
    return this.chain.map((p) => p.modelId);
  }

  async *generate(request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent> {
    const started = performance.now();
    const attempts: AttemptRecord[] = [];
    const remaining = () => this.policy.budgetMs - (performance.now() - started);
    let last: AnswerProvider = this.chain[0];

    for (const provider of this.chain) {
      last = provider;
      for (let retry = 0; ; retry++) {
        if (signal.aborted) return;
        const outcome = yield* this.attempt(provider, request, signal, remaining());
        attempts.push(outcome.record);
        if (outcome.kind === 'done') {
          const metadata = outcome.metadata;
          yield {
            kind: 'done',
            metadata: {
              ...metadata,
              inputTokens: sum(attempts, 'inputTokens'),
              outputTokens: sum(attempts, 'outputTokens'),
              estimatedCostUsd: roundUsd(metadata.estimatedCostUsd + this.costOfFailures(attempts)),
              attempts,
            },
          };
          return;
        }
        if (outcome.kind === 'cancelled') return;
        const failure = outcome.error;
        if (outcome.streamed) {
          throw this.failure(
            `${provider.modelId} failed after its answer had started: ${failure.message}`,
            attempts,
            provider,
          );
        }
        if (!failure.retryable || retry >= this.policy.maxRetries) break;
        const delay = backoffDelayMs(
          retry,
          this.policy.retryBaseMs,
          this.policy.retryMaxMs,
          this.random,
          failure.retryAfterMs,
        );
        if (delay >= remaining()) break;
        this.logger.debug(
          `trace=${request.traceId} ${provider.modelId} ${failure.kind}; retry ${retry + 1} in ${delay} ms`,
        );
        try {
          await abortableSleep(delay, signal);
        } catch {
          return;
        }
      }
      if (remaining() <= 0) break;
      this.logger.warn(
        `trace=${request.traceId} ${provider.modelId} gave up (${attempts.at(-1)?.outcome}); falling back`,
      );
    }
    throw this.failure(
      `no provider answered: ${attempts.map((a) => `${a.modelId} ${a.outcome}`).join(', ')}`,
      attempts,
      last,
    );
  }

  private failure(
    message: string,
    attempts: AttemptRecord[],
    provider: AnswerProvider,
  ): GenerationFailure {
    return new GenerationFailure(
      message,
      attempts,
      provider.modelId,
      provider.promptVersion,
      roundUsd(this.costOfFailures(attempts)),
    );
  }

  /** Failed calls still bill what they consumed (a stream cut midway bills its tokens so far). */
  private costOfFailures(attempts: readonly AttemptRecord[]): number {
    return attempts
      .filter((a) => a.outcome !== 'ok')
      .reduce((total, a) => total + this.prices.cost(a.modelId, a.inputTokens, a.outputTokens), 0);
  }

  /**
   * One call with its first-token and attempt timers. Text is passed through as it comes; the
   * outcome says whether the call finished, failed (and whether any text had been streamed),
   * or was cancelled by the caller.
   */
  private async *attempt(
    provider: AnswerProvider,
    request: AnswerRequest,
    signal: AbortSignal,
    budgetLeftMs: number,
  ): AsyncGenerator<AnswerEvent, AttemptOutcome> {
    const started = performance.now();
    const abort = new AbortController();
    let timedOut: string | undefined;
    const stop = (why: string) => {
      timedOut ??= why;
      abort.abort(new ModelCallError('timeout', why));
    };
    const forward = () => abort.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    const attemptMs = Math.max(1, Math.min(this.policy.attemptTimeoutMs, budgetLeftMs));
    const attemptTimer = setTimeout(
      () => stop(`no complete answer within ${Math.round(attemptMs)} ms`),
      attemptMs,
    );
    let firstTokenTimer: NodeJS.Timeout | undefined = setTimeout(
      () => stop(`no first token within ${this.policy.firstTokenTimeoutMs} ms`),
      Math.min(this.policy.firstTokenTimeoutMs, attemptMs),
    );
    const aborted = new Promise<never>((_, reject) => {
      abort.signal.addEventListener('abort', () => reject(abort.signal.reason), { once: true });
    });
    aborted.catch(() => undefined);
    let streamed = false;
    const record = (
      outcome: AttemptRecord['outcome'],
      error: string,
      billed = { inputTokens: 0, outputTokens: 0 },
    ): AttemptRecord => ({
      modelId: provider.modelId,
      outcome,
      error,
      millis: Math.round((performance.now() - started) * 1000) / 1000,
      inputTokens: billed.inputTokens,
      outputTokens: billed.outputTokens,
    });
    const iterator = provider.generate(request, abort.signal)[Symbol.asyncIterator]();
    try {
      for (;;) {
        // Racing the abort keeps the timers honest even if a provider ignores its signal; the
        // losing next() may still reject later, so it is marked handled here.
        const pending = iterator.next();
        pending.catch(() => undefined);
        const next = await Promise.race([pending, aborted]);
        if (next.done) {
          throw new ModelCallError(
            'error',
            `${provider.modelId} stopped without finishing its answer`,
          );
        }
        const event = next.value;
        if (event.kind === 'done') {
          return {
            kind: 'done',
            metadata: event.metadata,
            record: record('ok', '', {
              inputTokens: event.metadata.inputTokens,
              outputTokens: event.metadata.outputTokens,
            }),
          };
        }
        if (!streamed) {
          streamed = true;
          clearTimeout(firstTokenTimer);
          firstTokenTimer = undefined;
        }
        yield event;
      }
    } catch (error) {
      if (signal.aborted) {
        return { kind: 'cancelled', record: record('cancelled', 'cancelled by the caller') };
      }
      const failure =
        timedOut !== undefined ? new ModelCallError('timeout', timedOut) : asModelCallError(error);
      const billed = error instanceof ModelCallError ? error.billed : failure.billed;
      return {
        kind: 'failed',
        error: failure,
        streamed,
        record: record(failure.kind, failure.message, billed),
      };
    } finally {
      clearTimeout(attemptTimer);
      clearTimeout(firstTokenTimer);
      signal.removeEventListener('abort', forward);
      abort.abort();
      void iterator.return?.(undefined)?.catch(() => undefined);
    }
  }
}

type AttemptOutcome =
  | { kind: 'done'; metadata: AnswerMetadata; record: AttemptRecord }
  | { kind: 'failed'; error: ModelCallError; streamed: boolean; record: AttemptRecord }
  | { kind: 'cancelled'; record: AttemptRecord };

function sum(attempts: readonly AttemptRecord[], field: 'inputTokens' | 'outputTokens'): number {
  return attempts.reduce((total, a) => total + a[field], 0);
}
