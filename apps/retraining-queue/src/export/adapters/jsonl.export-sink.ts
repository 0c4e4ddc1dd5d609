import type { ByteTarget } from '../byte-target';
import type { ExportRow } from '../export-row';
import type { ExportSink } from '../export-sink';

/** JSON Lines: one UTF-8 JSON object per row, nested lists as JSON arrays. */
export class JsonlExportSink implements ExportSink {
  constructor(private readonly target: ByteTarget) {}

  async write(rows: readonly ExportRow[]): Promise<void> {
    if (rows.length === 0) return;
    // One write per batch: a write per row would spend more time in syscalls than in JSON.
    await this.target.write(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
  }

  async commit(): Promise<number> {
    await this.target.commit();
    return this.target.bytes;
  }

  async abort(): Promise<void> {
    await this.target.abort();
  }
}
