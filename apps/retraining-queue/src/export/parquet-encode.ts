import type { ExportRow } from './export-row';
import { columnData, parquetSchema, schemaMetadata } from './parquet-columns';
import { loadHyparquetWriter } from './parquet-module';

/** The media type registered for Parquet with IANA. */
export const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/** One whole Parquet file in memory, for an object store that takes an object in one request. */
export async function encodeParquet(rows: readonly ExportRow[]): Promise<Uint8Array> {
  const hw = await loadHyparquetWriter();
  const buffer = hw.parquetWriteBuffer({
    columnData: columnData(rows),
    schema: parquetSchema(),
    kvMetadata: schemaMetadata(),
    rowGroupSize: Math.max(rows.length, 1),
    createdBy: 'mangaassist retraining-queue archive',
  });
  return new Uint8Array(buffer);
}
