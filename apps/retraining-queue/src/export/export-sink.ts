import type { ExportRow } from './export-row';

/** The two file formats of an export (docs/data-contract.md). */
export const EXPORT_FORMATS = ['jsonl', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Receives an export's rows in listing order and publishes them as one whole. */
export interface ExportSink {
  write(rows: readonly ExportRow[]): Promise<void>;
  /** Flushes what is buffered and publishes the export; returns the bytes written. */
  commit(): Promise<number>;
  /** Discards everything written; safe to call after a failed write. */
  abort(): Promise<void>;
}
