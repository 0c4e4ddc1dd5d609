import type { Writer } from 'hyparquet-writer' with { 'resolution-mode': 'import' };
import type { ByteTarget } from '../byte-target';
import type { ExportRow } from '../export-row';
import type { ExportSink } from '../export-sink';
import { columnData, parquetSchema, schemaMetadata } from '../parquet-columns';
import { type HyparquetWriter, loadHyparquetWriter } from '../parquet-module';

export interface ParquetExportSinkOptions {
  /** Rows per row group; the sink holds at most this many rows in memory. */
  rowGroupRows?: number;
}

type ParquetWriter = InstanceType<HyparquetWriter['ParquetWriter']>;

/**
 * Parquet with the explicit export schema, streamed: rows are buffered up to one row group,
 * encoded and written to the target, so memory stays bounded however large the export.
 */
export class ParquetExportSink implements ExportSink {
  private readonly rowGroupRows: number;
  private buffered: ExportRow[] = [];
  private writer: ParquetWriter | undefined;

  constructor(
    private readonly target: ByteTarget,
    options: ParquetExportSinkOptions = {},
  ) {
    this.rowGroupRows = options.rowGroupRows ?? 5000;
  }

  async write(rows: readonly ExportRow[]): Promise<void> {
    for (const row of rows) {
      this.buffered.push(row);
      if (this.buffered.length >= this.rowGroupRows) await this.flushRowGroup();
    }
  }

  async commit(): Promise<number> {
    await this.flushRowGroup();
    // A file with no rows still gets the schema, so readers see the columns.
    const writer = await this.parquetWriter();
    await writer.finish();
    await this.target.commit();
    return this.target.bytes;
  }

  async abort(): Promise<void> {
    this.buffered = [];
    await this.target.abort();
  }

  private async flushRowGroup(): Promise<void> {
    if (this.buffered.length === 0) return;
    const rows = this.buffered;
    this.buffered = [];
    const writer = await this.parquetWriter();
    await writer.write({ columnData: columnData(rows), rowGroupSize: rows.length });
  }

  private async parquetWriter(): Promise<ParquetWriter> {
    if (this.writer) return this.writer;
    const hw = await loadHyparquetWriter();
    this.writer = new hw.ParquetWriter({
      writer: targetWriter(hw, this.target),
      schema: parquetSchema(),
      kvMetadata: schemaMetadata(),
      createdBy: 'mangaassist retraining-queue export',
    });
    return this.writer;
  }
}

/**
 * A hyparquet byte writer that hands its buffer to the target after each row group (the
 * ParquetWriter awaits the flush before encoding more), then reuses the buffer.
 */
function targetWriter(hw: HyparquetWriter, target: ByteTarget): Writer {
  const bytes = new hw.ByteWriter(1 << 20);
  const flush = async (): Promise<void> => {
    if (bytes.index === 0) return;
    await target.write(bytes.getBytes());
    bytes.index = 0;
  };
  return Object.assign(bytes, { flush, finish: flush });
}
