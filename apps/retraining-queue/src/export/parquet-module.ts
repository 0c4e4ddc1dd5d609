export type HyparquetWriter = typeof import('hyparquet-writer', {
  with: { 'resolution-mode': 'import' },
});

let loading: Promise<HyparquetWriter> | undefined;

/**
 * hyparquet-writer is published as an ES module only, and this app compiles to CommonJS: a
 * dynamic import is the one form both tsc and Node accept. Loaded once, on first use, so the
 * service pays nothing unless it writes Parquet.
 */
export function loadHyparquetWriter(): Promise<HyparquetWriter> {
  loading ??= import('hyparquet-writer');
  return loading;
}
