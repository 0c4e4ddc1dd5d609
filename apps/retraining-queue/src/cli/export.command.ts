import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { ConfigError } from '@mangaassist/config';
import { AtomicFileTarget } from '../export/adapters/atomic-file.target';
import { JsonlExportSink } from '../export/adapters/jsonl.export-sink';
import { ParquetExportSink } from '../export/adapters/parquet.export-sink';
import { StreamTarget } from '../export/adapters/stream.target';
import type { ByteTarget } from '../export/byte-target';
import type { ExportSink } from '../export/export-sink';
import { type ExportSummary, exportQueue } from '../export/queue-exporter';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import { EXPORT_USAGE, type ExportOptions, UsageError, parseExportArgs } from './export-options';
import { ProgressLine, count } from './progress-line';

export interface CommandIo {
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal, for the redrawn progress line. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

const NAME = 'retraining:export';

/** Runs the export command line; resolves to the exit status (0 done, 1 failed, 2 usage). */
export async function runExportCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let options: ExportOptions;
  try {
    const parsed = parseExportArgs(argv, io.env);
    if (parsed.help) {
      io.stdout.write(EXPORT_USAGE);
      return 0;
    }
    options = parsed.options;
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof ConfigError)) throw error;
    io.stderr.write(`${NAME}: ${error.message}\nRun with --help for usage.\n`);
    return 2;
  }

  if (!existsSync(options.db)) {
    io.stderr.write(
      `${NAME}: no queue store at ${options.db}; start the retraining-queue service first or pass --db <path>\n`,
    );
    return 1;
  }

  let store: SqliteQueueStore | undefined;
  try {
    store = new SqliteQueueStore(options.db, { readOnly: true });
    const target: ByteTarget = options.out
      ? await AtomicFileTarget.create(options.out)
      : new StreamTarget(io.stdout);
    const progress = new ProgressLine(io.stderr, { isTTY: io.isTTY });
    const summary = await exportQueue(store, {
      query: {
        sinceMs: options.sinceMs,
        untilMs: options.untilMs,
        onlyNegative: options.onlyNegative,
        pageSize: options.pageSize,
      },
      sink: sinkFor(options, target),
      onProgress: (p) => progress.update(p),
      signal: io.signal,
    });
    progress.finish();
    report(io, options, target.name, summary);
    return 0;
  } catch (error) {
    const message = failureMessage(error as NodeJS.ErrnoException);
    const kept = options.out ? `; ${options.out} was left as it was` : '';
    io.stderr.write(`\n${NAME}: failed: ${message}${kept}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

function failureMessage(error: NodeJS.ErrnoException): string {
  if (error.name === 'AbortError') return 'interrupted';
  if (error.code === 'EPIPE') return 'stdout was closed by the reader';
  return error.message;
}

function sinkFor(options: ExportOptions, target: ByteTarget): ExportSink {
  return options.format === 'parquet' ? new ParquetExportSink(target) : new JsonlExportSink(target);
}

function report(
  io: CommandIo,
  options: ExportOptions,
  destination: string,
  summary: ExportSummary,
): void {
  const seconds = (summary.elapsedMs / 1000).toFixed(2);
  io.stderr.write(
    `${NAME}: ${count(summary.items)} items (${count(summary.negative)} negative, ` +
      `${count(summary.withoutTrace)} still without trace) as ${options.format} to ${destination}: ` +
      `${count(summary.bytes)} bytes in ${seconds} s, ${count(summary.itemsPerSecond)} items/s\n`,
  );
  // stdout carries the data itself when there is no --out, so the summary stays on stderr then.
  if (!options.out) return;
  io.stdout.write(
    `${JSON.stringify({
      out: destination,
      format: options.format,
      items: summary.items,
      negative: summary.negative,
      without_trace: summary.withoutTrace,
      bytes: summary.bytes,
      first_updated_at: summary.firstUpdatedAt,
      last_updated_at: summary.lastUpdatedAt,
      elapsed_ms: Math.round(summary.elapsedMs),
      items_per_s: summary.itemsPerSecond,
      // Peak resident memory of this process, to show it does not grow with the export.
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}
