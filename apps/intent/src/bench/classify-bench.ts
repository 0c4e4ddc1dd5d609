import { performance } from 'node:perf_hooks';
import { Locale } from '@mangaassist/contracts';
import type { IntentPipeline } from '../intent/intent-pipeline';

export interface LatencySummary {
  calls: number;
  /** Wall-clock percentiles: what a caller waits, including time the OS gave to other work. */
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  mean_ms: number;
  max_ms: number;
  /**
   * Process CPU time per call (user + system, all threads, microsecond resolution): on a shared,
   * oversubscribed machine it separates our own work from waiting for a core.
   */
  cpu_p50_ms: number;
  cpu_p99_ms: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (value: number) => Math.round(value * 1000) / 1000;

export function summarize(
  durations: readonly number[],
  cpuDurations: readonly number[] = durations,
): LatencySummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const cpu = [...cpuDurations].sort((a, b) => a - b);
  return {
    calls: sorted.length,
    p50_ms: ms(percentile(sorted, 50)),
    p90_ms: ms(percentile(sorted, 90)),
    p99_ms: ms(percentile(sorted, 99)),
    mean_ms: ms(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    max_ms: ms(sorted[sorted.length - 1] ?? Number.NaN),
    cpu_p50_ms: ms(percentile(cpu, 50)),
    cpu_p99_ms: ms(percentile(cpu, 99)),
  };
}

/**
 * Times `calls` sequential Classify calls (validation excluded, everything else included:
 * rules, entities, title masking, featurization, the classifier, routing), cycling through the
 * mix after `warmup` untimed calls that let V8 optimize the hot paths.
 */
export async function timeClassify(
  pipeline: IntentPipeline,
  mix: readonly string[],
  calls: number,
  warmup: number,
): Promise<LatencySummary> {
  if (mix.length === 0) throw new Error('the message mix is empty');
  for (let i = 0; i < warmup; i++) await pipeline.classify(mix[i % mix.length], Locale.UNSPECIFIED);
  const durations: number[] = [];
  const cpuDurations: number[] = [];
  for (let i = 0; i < calls; i++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    await pipeline.classify(mix[i % mix.length], Locale.UNSPECIFIED);
    durations.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuDurations.push((cpu.user + cpu.system) / 1000);
  }
  return summarize(durations, cpuDurations);
}
