import { type Attributes, type ObservableResult, metrics } from '@opentelemetry/api';
import { Injectable } from '@nestjs/common';
import type { AttemptRecord } from '../generation/answer-provider';
import type { TurnClass } from '../generation/answer-routing';

export interface MetricsSnapshot {
  turns: Record<TurnClass, number>;
  /** Answers written by a model (including its fallbacks), by the composer, and failed. */
  answeredByModel: number;
  answeredByComposer: number;
  failed: number;
  cancelled: number;
  cache: { hits: number; misses: number; errors: number; stores: number; hitRate: number };
  retries: number;
  fallbacks: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/**
 * In-process counters of the generation service, exported two ways: as OpenTelemetry
 * instruments (recorded through the global meter, so they reach a collector whenever a
 * MeterProvider is registered) and as a periodic log line with the cache hit rate, which
 * needs nothing installed.
 */
@Injectable()
export class GenerationMetrics {
  private readonly counts: MetricsSnapshot = {
    turns: { template: 0, api: 0, rag: 0, llm: 0 },
    answeredByModel: 0,
    answeredByComposer: 0,
    failed: 0,
    cancelled: 0,
    cache: { hits: 0, misses: 0, errors: 0, stores: 0, hitRate: 0 },
    retries: 0,
    fallbacks: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  };
  private readonly meter = metrics.getMeter('mangaassist-generation');
  private readonly turnCounter = this.meter.createCounter('generation.turns', {
    description: 'Generate calls by turn class and outcome',
  });
  private readonly cacheCounter = this.meter.createCounter('generation.cache.lookups', {
    description: 'Answer cache lookups by result (hit, miss, error)',
  });
  private readonly tokenCounter = this.meter.createCounter('generation.tokens', {
    description: 'Billed model tokens by direction and model',
  });
  private readonly costCounter = this.meter.createCounter('generation.cost_usd', {
    description: 'Estimated model cost in US dollars',
  });
  private readonly attemptCounter = this.meter.createCounter('generation.attempts', {
    description: 'Provider calls by model and outcome (retries and fallbacks included)',
  });

  constructor() {
    this.meter
      .createObservableGauge('generation.cache.hit_rate', {
        description: 'Share of answer cache lookups that hit since start',
      })
      .addCallback((result: ObservableResult<Attributes>) => result.observe(this.hitRate()));
  }

  cacheLookup(result: 'hit' | 'miss' | 'error'): void {
    if (result === 'hit') this.counts.cache.hits += 1;
    else if (result === 'miss') this.counts.cache.misses += 1;
    else this.counts.cache.errors += 1;
    this.cacheCounter.add(1, { result });
  }

  cacheStored(): void {
    this.counts.cache.stores += 1;
  }

  turn(
    turnClass: TurnClass,
    outcome: 'model' | 'composer' | 'cache' | 'failed' | 'cancelled',
  ): void {
    this.counts.turns[turnClass] += 1;
    if (outcome === 'model') this.counts.answeredByModel += 1;
    else if (outcome === 'composer') this.counts.answeredByComposer += 1;
    else if (outcome === 'failed') this.counts.failed += 1;
    else if (outcome === 'cancelled') this.counts.cancelled += 1;
    this.turnCounter.add(1, { turn_class: turnClass, outcome });
  }

  attempts(records: readonly AttemptRecord[]): void {
    const models = new Set<string>();
    for (const record of records) {
      if (models.has(record.modelId)) this.counts.retries += 1;
      else if (models.size > 0) this.counts.fallbacks += 1;
      models.add(record.modelId);
      this.attemptCounter.add(1, { model: record.modelId, outcome: record.outcome });
      if (record.inputTokens > 0 || record.outputTokens > 0) {
        this.counts.inputTokens += record.inputTokens;
        this.counts.outputTokens += record.outputTokens;
        this.tokenCounter.add(record.inputTokens, { model: record.modelId, direction: 'input' });
        this.tokenCounter.add(record.outputTokens, { model: record.modelId, direction: 'output' });
      }
    }
  }

  cost(usd: number): void {
    if (usd <= 0) return;
    this.counts.costUsd += usd;
    this.costCounter.add(usd);
  }

  hitRate(): number {
    const { hits, misses, errors } = this.counts.cache;
    const lookups = hits + misses + errors;
    return lookups === 0 ? 0 : hits / lookups;
  }

  snapshot(): MetricsSnapshot {
    return {
      ...this.counts,
      turns: { ...this.counts.turns },
      cache: { ...this.counts.cache, hitRate: Math.round(this.hitRate() * 10_000) / 10_000 },
      costUsd: Math.round(this.counts.costUsd * 1e6) / 1e6,
    };
  }
}
