import { Logger } from '@nestjs/common';
import { GenerationMetrics } from './generation-metrics';
import { MetricsLogReporter } from './metrics-log.reporter';

const attempt = (modelId: string, outcome: 'ok' | 'throttled' | 'timeout', tokens = 0) => ({
  modelId,
  outcome,
  error: '',
  millis: 1,
  inputTokens: tokens,
  outputTokens: tokens / 10,
});

describe('GenerationMetrics', () => {
  it('counts cache lookups into a hit rate', () => {
    const metrics = new GenerationMetrics();
    expect(metrics.hitRate()).toBe(0);
    metrics.cacheLookup('hit');
    metrics.cacheLookup('miss');
    metrics.cacheLookup('miss');
    metrics.cacheLookup('error');
    expect(metrics.snapshot().cache).toEqual({
      hits: 1,
      misses: 2,
      errors: 1,
      stores: 0,
      hitRate: 0.25,
    });
  });

  it('tells retries (same model again) from fallbacks (next model) and sums tokens and cost', () => {
    const metrics = new GenerationMetrics();
    metrics.attempts([
      attempt('sonnet', 'throttled'),
      attempt('sonnet', 'timeout'),
      attempt('haiku', 'ok', 1000),
    ]);
    metrics.cost(0.0004);
    metrics.turn('rag', 'model');
    metrics.turn('api', 'composer');
    const snapshot = metrics.snapshot();
    expect(snapshot.retries).toBe(1);
    expect(snapshot.fallbacks).toBe(1);
    expect(snapshot.inputTokens).toBe(1000);
    expect(snapshot.outputTokens).toBe(100);
    expect(snapshot.costUsd).toBe(0.0004);
    expect(snapshot.turns).toEqual({ template: 0, api: 1, rag: 1, llm: 0 });
    expect(snapshot.answeredByModel).toBe(1);
    expect(snapshot.answeredByComposer).toBe(1);
  });

  it('logs the counters (with the hit rate) only when something happened, and on shutdown', () => {
    const metrics = new GenerationMetrics();
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const reporter = new MetricsLogReporter(metrics, 0);
    reporter.report(false);
    metrics.cacheLookup('hit');
    metrics.turn('rag', 'cache');
    reporter.report(false);
    reporter.report(false);
    reporter.onModuleDestroy();
    const lines = log.mock.calls.map((call) => String(call[0]));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('"hitRate":1');
    log.mockRestore();
  });
});
