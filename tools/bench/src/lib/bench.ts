/**
 * One whole-stack benchmark of `npm run bench:<name>`: prints progress to stderr and exactly one
 * JSON object to stdout. Benchmarks are discovered by file name (benches/<name>.bench.ts), so
 * each team adds its own without touching a registry.
 */
export interface Bench {
  name: string;
  /** Usage text for --help, including the JSON shape printed. */
  help: string;
  /** Options the bench accepts, in node:util parseArgs form. */
  options: Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;
  run(
    values: Record<string, string | boolean | undefined>,
    progress: (line: string) => void,
  ): Promise<Record<string, unknown>>;
}

export interface BenchModule {
  bench: Bench;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
