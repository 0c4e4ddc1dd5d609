import type { QueueStore } from '../queue/queue-store';
import { toExportRow } from './export-row';
import type { ExportSink } from './export-sink';
import { type PageQuery, queuePages } from './queue-pages';

export interface ExportProgress {
  items: number;
  negative: number;
  elapsedMs: number;
}

export interface ExportSummary extends ExportProgress {
  /** Items whose trace had not arrived yet (trace columns null). */
  withoutTrace: number;
  bytes: number;
  /** updated_at of the first and last exported item, ISO 8601; null for an empty export. */
  firstUpdatedAt: string | null;
  lastUpdatedAt: string | null;
  itemsPerSecond: number;
}

export interface ExportRun {
  query: PageQuery;
  sink: ExportSink;
  /** Called after every page. */
  onProgress?: (progress: ExportProgress) => void;
  /** Monotonic milliseconds; tests pin it. */
  now?: () => number;
  /** Stops the export between pages (Ctrl-C); the sink is aborted as on any failure. */
  signal?: AbortSignal;
}

/**
 * Streams the queue into a sink page by page and commits it; on any failure the sink is
 * aborted, so a failed export publishes nothing.
 */
export async function exportQueue(store: QueueStore, run: ExportRun): Promise<ExportSummary> {
  const now = run.now ?? (() => performance.now());
  const started = now();
  const progress: ExportProgress = { items: 0, negative: 0, elapsedMs: 0 };
  let withoutTrace = 0;
  let firstUpdatedAt: string | null = null;
  let lastUpdatedAt: string | null = null;
  let bytes: number;
  try {
    for await (const page of queuePages(store, run.query)) {
      run.signal?.throwIfAborted();
      const rows = page.map(toExportRow);
      await run.sink.write(rows);
      for (const row of rows) {
        progress.items++;
        if (row.negative) progress.negative++;
        if (!row.has_trace) withoutTrace++;
      }
      firstUpdatedAt ??= rows[0].updated_at;
      lastUpdatedAt = rows[rows.length - 1].updated_at;
      progress.elapsedMs = now() - started;
      run.onProgress?.({ ...progress });
    }
    bytes = await run.sink.commit();
  } catch (error) {
    await run.sink.abort();
    throw error;
  }
  const elapsedMs = now() - started;
  return {
    ...progress,
    elapsedMs,
    withoutTrace,
    bytes,
    firstUpdatedAt,
    lastUpdatedAt,
    itemsPerSecond: elapsedMs > 0 ? Math.round((progress.items / elapsedMs) * 1000) : 0,
  };
}
