import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import { seedSampleQueue } from './sample-queue';

/**
 * Export throughput and memory: seeds a temporary queue store with N rated turns (default
 * 10,000), runs the export command once per format as its own process (as npm run
 * retraining:export does, with a 64 MB heap cap so it must stream) and prints JSON on stdout.
 * Run: node tools/run-entry.mjs retraining-queue apps/retraining-queue/src/cli/export.bench.ts [--items N]
 */
const HEAP_LIMIT_MB = 64;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '10000' } } });
  const items = Number(values.items);
  if (!Number.isSafeInteger(items) || items < 1 || items > 1_000_000) {
    throw new Error(`--items must be a whole number from 1 to 1000000; got "${values.items}"`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'export-bench-'));
  try {
    const db = join(dir, 'retraining.db');
    const store = new SqliteQueueStore(db);
    const seedStarted = performance.now();
    await seedSampleQueue(store, { items });
    await store.close();
    process.stderr.write(
      `seeded ${items} items in ${Math.round(performance.now() - seedStarted)} ms\n`,
    );

    const results: Record<string, unknown> = {};
    for (const format of ['jsonl', 'parquet']) {
      const run = spawnSync(
        process.execPath,
        [
          // A small heap cap: the export has to stream to finish inside it.
          `--max-old-space-size=${HEAP_LIMIT_MB}`,
          join(__dirname, 'export.js'),
          ...['--db', db, '--format', format, '--out', join(dir, `export.${format}`)],
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (run.status !== 0) throw new Error(`${format} export exited with ${run.status}`);
      const summary = JSON.parse(run.stdout) as Record<string, number>;
      results[format] = {
        items_per_s: summary['items_per_s'],
        elapsed_ms: summary['elapsed_ms'],
        bytes: summary['bytes'],
        peak_rss_mb: summary['peak_rss_mb'],
      };
    }
    process.stdout.write(
      `${JSON.stringify({ items, heap_limit_mb: HEAP_LIMIT_MB, ...results })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`export bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
