import type { FileMetaData } from 'hyparquet' with { 'resolution-mode': 'import' };
import { float32 } from '../export-row';
import { PARQUET_COLUMNS } from '../parquet-columns';

export interface ParquetContents {
  metadata: FileMetaData;
  /** Rows with timestamps as ISO strings and FLOAT columns narrowed back, comparable with JSON Lines rows. */
  rows: Record<string, unknown>[];
}

const FLOAT_COLUMNS = new Set(
  PARQUET_COLUMNS.filter((c) => c.element.type === 'FLOAT').map((c) => c.name as string),
);

/** Reads a Parquet file's bytes back with hyparquet, a reader separate from the writer's code. */
export async function readParquet(bytes: Uint8Array): Promise<ParquetContents> {
  const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
  const file = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const records = await parquetReadObjects({ file, utf8: true });
  const rows = records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(record)) {
      if (value instanceof Date) row[name] = value.toISOString();
      else if (FLOAT_COLUMNS.has(name) && typeof value === 'number') row[name] = float32(value);
      else row[name] = value;
    }
    return row;
  });
  return { metadata, rows };
}
