import { type MessageInitShape, create } from '@bufbuild/protobuf';
import {
  type FinalSchema,
  FinishReason,
  type GenerateRequest,
  type GenerateResponse,
  GenerateResponseSchema,
} from '@mangaassist/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import { ANSWER_CACHE, type AnswerCache, type CachedAnswer } from '../cache/answer-cache';
import { answerCacheKey } from '../cache/answer-cache-key';
import { chunkAnswer } from '../composer/answer-chunker';
import { chooseTier } from '../llm/model-tiering';
import { GenerationMetrics } from '../metrics/generation-metrics';
import { GenerationFailure } from '../resilience/resilient-answer.provider';
import {
  ANSWER_PROVIDERS,
  type AnswerMetadata,
  type AnswerProvider,
  type AnswerProviders,
  type AnswerRequest,
  type AttemptRecord,
} from './answer-provider';
import { type TurnClass, decideModelUse, turnClass } from './answer-routing';
import { toAnswerRequest } from './generate-request.validator';

export const CACHE_TTL_MS = Symbol('CACHE_TTL_MS');

/** The provider a turn goes to, and what its cache key and logs need to know. */
interface TurnPlan {
  provider: AnswerProvider;
  turnClass: TurnClass;
  /** Why this provider, for the debug log: the routing reason or tier:reason. */
  reason: string;
}

/**
 * Runs one Generate call: validates the request, decides whether the turn may reach a model
 * at all (catalog-API, template and evidence-less turns never do, whatever the provider),
 * answers from the cache when it can, otherwise streams the chosen provider's text as deltas,
 * and closes with exactly one final event carrying model, prompt version, tokens, cost and
 * attempts. A failure ends the stream with finish_reason ERROR and no answer text, so a
 * half-written answer is never passed on as complete. Unsubscribing (the client cancelled)
 * aborts the provider, and through it the model SDK call.
 */
@Injectable()
export class GenerationService {
  private readonly logger = new Logger(GenerationService.name);

  constructor(
    @Inject(ANSWER_PROVIDERS) private readonly providers: AnswerProviders,
    @Inject(ANSWER_CACHE) private readonly cache: AnswerCache,
    private readonly metrics: GenerationMetrics,
    @Inject(CACHE_TTL_MS) private readonly cacheTtlMs: number,
  ) {}

  /** Throws INVALID_ARGUMENT synchronously, before any event is streamed. */
  generate(request: GenerateRequest): Observable<GenerateResponse> {
    const answerRequest = toAnswerRequest(request);
    const plan = this.plan(answerRequest);
    return new Observable<GenerateResponse>((subscriber) => {
      const abort = new AbortController();
      void this.run(answerRequest, plan, abort.signal, subscriber);
      return () => abort.abort();
    });
  }

  private plan(request: AnswerRequest): TurnPlan {
    const decision = decideModelUse(request);
    const kind = turnClass(request.route);
    if (!decision.useModel) {
      return {
        provider: this.providers.composer,
        turnClass: kind,
        reason: decision.reason,
      };
    }
    const tier = chooseTier(request);
    return {
      provider: this.providers.forTier(tier.tier),
      turnClass: kind,
      reason: `${tier.tier}:${tier.reason}`,
    };
  }

  private async run(
    request: AnswerRequest,
    plan: TurnPlan,
    signal: AbortSignal,
    subscriber: Subscriber<GenerateResponse>,
  ): Promise<void> {
    const started = performance.now();
    const key = answerCacheKey(request, {
      modelId: plan.provider.modelId,
      promptVersion: plan.provider.promptVersion,
    });
    const cached = await this.lookup(key);
    if (signal.aborted) return;
    if (cached) {
      this.replay(cached, subscriber);
      this.metrics.turn(plan.turnClass, 'cache');
      this.logger.debug(`trace=${request.traceId} cache hit ms=${elapsed(started)}`);
      return;
    }

    const texts: string[] = [];
    let metadata: AnswerMetadata | undefined;
    const providerStarted = performance.now();
    try {
      for await (const event of plan.provider.generate(request, signal)) {
        if (signal.aborted) break;
        if (event.kind === 'done') {
          metadata = event.metadata;
          break;
        }
        if (event.text === '') continue;
        texts.push(event.text);
        subscriber.next(
          create(GenerateResponseSchema, { event: { case: 'delta', value: { text: event.text } } }),
        );
      }
      if (signal.aborted) {
        this.metrics.turn(plan.turnClass, 'cancelled');
        this.logger.debug(`trace=${request.traceId} cancelled by the client`);
        return;
      }
      if (!metadata) throw new Error('the answer stream ended without its final metadata');
      const attempts =
        metadata.attempts.length > 0
          ? metadata.attempts
          : [singleAttempt(metadata, elapsed(providerStarted))];
      const answer = texts.join('');
      this.finish(subscriber, {
        answer,
        citations: metadata.citations,
        finishReason:
          metadata.finishReason === 'length' ? FinishReason.LENGTH : FinishReason.COMPLETE,
        modelId: metadata.modelId,
        promptVersion: metadata.promptVersion,
        inputTokens: metadata.inputTokens,
        outputTokens: metadata.outputTokens,
        estimatedCostUsd: metadata.estimatedCostUsd,
        attempts,
      });
      this.metrics.attempts(attempts);
      this.metrics.cost(metadata.estimatedCostUsd);
      this.metrics.turn(
        plan.turnClass,
        metadata.modelId === this.providers.composer.modelId ? 'composer' : 'model',
      );
      this.logger.debug(
        `trace=${request.traceId} intent=${request.intent} locale=${request.locale} plan=${plan.reason} ` +
          `model=${metadata.modelId} chunks=${texts.length} ms=${elapsed(started)}`,
      );
      // Degraded answers (written by a fallback) are not cached: the next shopper should get
      // the planned model again as soon as it recovers.
      const fellBack = attempts.some((a) => a.outcome !== 'ok');
      if (!fellBack && answer !== '' && metadata.finishReason === 'complete') {
        void this.store(key, {
          text: answer,
          citations: metadata.citations,
          finishReason: metadata.finishReason,
          modelId: metadata.modelId,
          promptVersion: metadata.promptVersion,
          storedAt: Date.now(),
        });
      }
    } catch (error) {
      if (signal.aborted) {
        this.metrics.turn(plan.turnClass, 'cancelled');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const failure = error instanceof GenerationFailure ? error : undefined;
      this.logger.warn(`trace=${request.traceId} generation failed: ${message}`);
      const attempts = failure?.attempts ?? [
        {
          modelId: plan.provider.modelId,
          outcome: 'error' as const,
          error: message,
          millis: elapsed(providerStarted),
          inputTokens: 0,
          outputTokens: 0,
        },
      ];
      this.metrics.attempts(attempts);
      this.metrics.cost(failure?.estimatedCostUsd ?? 0);
      this.metrics.turn(plan.turnClass, 'failed');
      this.finish(subscriber, {
        finishReason: FinishReason.ERROR,
        errorMessage: `generation failed: ${message}`,
        modelId: failure?.modelId ?? plan.provider.modelId,
        promptVersion: failure?.promptVersion ?? plan.provider.promptVersion,
        inputTokens: sumTokens(attempts, 'inputTokens'),
        outputTokens: sumTokens(attempts, 'outputTokens'),
        estimatedCostUsd: failure?.estimatedCostUsd ?? 0,
        attempts,
      });
    }
  }

  private async lookup(key: string): Promise<CachedAnswer | undefined> {
    if (this.cache.kind === 'off') return undefined;
    try {
      const hit = await this.cache.get(key);
      this.metrics.cacheLookup(hit ? 'hit' : 'miss');
      return hit;
    } catch (error) {
      this.metrics.cacheLookup('error');
      this.logger.debug(`cache lookup failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async store(key: string, answer: CachedAnswer): Promise<void> {
    if (this.cache.kind === 'off') return;
    try {
      await this.cache.set(key, answer, this.cacheTtlMs);
      this.metrics.cacheStored();
    } catch (error) {
      this.logger.debug(`cache store failed: ${(error as Error).message}`);
    }
  }

  /** A hit streams the stored answer in the same natural chunks and bills nothing. */
  private replay(cached: CachedAnswer, subscriber: Subscriber<GenerateResponse>): void {
    for (const text of chunkAnswer(cached.text)) {
      subscriber.next(
        create(GenerateResponseSchema, { event: { case: 'delta', value: { text } } }),
      );
    }
    this.finish(subscriber, {
      answer: cached.text,
      citations: cached.citations,
      finishReason: cached.finishReason === 'length' ? FinishReason.LENGTH : FinishReason.COMPLETE,
      modelId: cached.modelId,
      promptVersion: cached.promptVersion,
      cacheHit: true,
    });
  }

  private finish(
    subscriber: Subscriber<GenerateResponse>,
    final: MessageInitShape<typeof FinalSchema>,
  ): void {
    subscriber.next(create(GenerateResponseSchema, { event: { case: 'final', value: final } }));
    subscriber.complete();
  }
}

function singleAttempt(metadata: AnswerMetadata, millis: number): AttemptRecord {
  return {
    modelId: metadata.modelId,
    outcome: 'ok',
    error: '',
    millis,
    inputTokens: metadata.inputTokens,
    outputTokens: metadata.outputTokens,
  };
}

function sumTokens(
  attempts: readonly AttemptRecord[],
  field: 'inputTokens' | 'outputTokens',
): number {
  return attempts.reduce((total, a) => total + a[field], 0);
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 1000) / 1000;
}
