import type { ColumnSource, KeyValue, SchemaElement } from 'hyparquet-writer' with {
  'resolution-mode': 'import',
};
import type { ExportRow } from './export-row';

type Element = Omit<SchemaElement, 'name'>;

/** One column of the export: its Parquet schema element and how a row fills it. */
export interface ParquetColumn {
  name: keyof ExportRow;
  element: Element;
  value(row: ExportRow): unknown;
}

/** Bumped on any change to the columns below; readers find it in the file's key-value metadata. */
export const EXPORT_SCHEMA_VERSION = 'mangaassist.retraining.export/1';
export const SCHEMA_METADATA_KEY = 'mangaassist.schema';

const required = (element: Element): Element => ({ ...element, repetition_type: 'REQUIRED' });
const optional = (element: Element): Element => ({ ...element, repetition_type: 'OPTIONAL' });

const STRING: Element = { type: 'BYTE_ARRAY', converted_type: 'UTF8' };
// Nested lists and messages travel as JSON text with the JSON annotation: every Parquet reader
// can read a string, and DuckDB, Spark and pyarrow can parse it further where they want.
const JSON_TEXT: Element = { type: 'BYTE_ARRAY', converted_type: 'JSON' };
// The logical type says "UTC instant" to modern readers (a timestamptz in DuckDB, tz=UTC in
// pyarrow); the converted type keeps older readers working.
const TIMESTAMP_MS: Element = {
  type: 'INT64',
  converted_type: 'TIMESTAMP_MILLIS',
  logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
};
const BOOLEAN: Element = { type: 'BOOLEAN' };
const INT32: Element = { type: 'INT32' };
const UINT32: Element = { type: 'INT32', converted_type: 'UINT_32' };
const FLOAT: Element = { type: 'FLOAT' };
const DOUBLE: Element = { type: 'DOUBLE' };

const time = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/**
 * The explicit Parquet schema of an export (documented column by column in
 * docs/data-contract.md). Flat columns for everything scalar, one JSON column per nested list
 * or message. Columns are only ever added at the end.
 */
export const PARQUET_COLUMNS: readonly ParquetColumn[] = [
  { name: 'trace_id', element: required(STRING), value: (r) => r.trace_id },
  { name: 'updated_at', element: required(TIMESTAMP_MS), value: (r) => time(r.updated_at) },
  { name: 'negative', element: required(BOOLEAN), value: (r) => r.negative },
  { name: 'feedback_count', element: required(INT32), value: (r) => r.feedback_count },
  { name: 'has_trace', element: required(BOOLEAN), value: (r) => r.has_trace },
  { name: 'trace_event_id', element: optional(STRING), value: (r) => r.trace_event_id },
  { name: 'session_id', element: optional(STRING), value: (r) => r.session_id },
  { name: 'occurred_at', element: optional(TIMESTAMP_MS), value: (r) => time(r.occurred_at) },
  { name: 'locale', element: optional(STRING), value: (r) => r.locale },
  { name: 'user_text', element: optional(STRING), value: (r) => r.user_text },
  { name: 'intent', element: optional(STRING), value: (r) => r.intent },
  { name: 'confidence', element: optional(FLOAT), value: (r) => r.confidence },
  { name: 'route', element: optional(STRING), value: (r) => r.route },
  { name: 'entities', element: optional(JSON_TEXT), value: (r) => r.entities },
  { name: 'retrieved', element: optional(JSON_TEXT), value: (r) => r.retrieved },
  { name: 'reranked', element: optional(JSON_TEXT), value: (r) => r.reranked },
  { name: 'prompt_version', element: optional(STRING), value: (r) => r.prompt_version },
  { name: 'model_id', element: optional(STRING), value: (r) => r.model_id },
  { name: 'answer', element: optional(STRING), value: (r) => r.answer },
  { name: 'citations', element: optional(JSON_TEXT), value: (r) => r.citations },
  { name: 'input_verdict', element: optional(STRING), value: (r) => r.input_verdict },
  { name: 'output_verdict', element: optional(STRING), value: (r) => r.output_verdict },
  { name: 'grounding_score', element: optional(FLOAT), value: (r) => r.grounding_score },
  { name: 'guardrails', element: optional(JSON_TEXT), value: (r) => r.guardrails },
  { name: 'latencies_ms', element: optional(JSON_TEXT), value: (r) => r.latencies_ms },
  { name: 'total_latency_ms', element: optional(DOUBLE), value: (r) => r.total_latency_ms },
  { name: 'input_tokens', element: optional(UINT32), value: (r) => r.input_tokens },
  { name: 'output_tokens', element: optional(UINT32), value: (r) => r.output_tokens },
  { name: 'estimated_cost_usd', element: optional(DOUBLE), value: (r) => r.estimated_cost_usd },
  { name: 'error', element: optional(STRING), value: (r) => r.error },
  { name: 'feedback', element: required(JSON_TEXT), value: (r) => r.feedback },
];

/** The schema elements hyparquet-writer writes, root first. */
export function parquetSchema(): SchemaElement[] {
  return [
    { name: 'root', num_children: PARQUET_COLUMNS.length },
    ...PARQUET_COLUMNS.map((column) => ({ name: column.name, ...column.element })),
  ];
}

/** Rows turned into the column-major arrays hyparquet-writer takes. */
export function columnData(rows: readonly ExportRow[]): ColumnSource[] {
  return PARQUET_COLUMNS.map((column) => ({
    name: column.name,
    data: rows.map((row) => column.value(row)),
  }));
}

export function schemaMetadata(): KeyValue[] {
  return [{ key: SCHEMA_METADATA_KEY, value: EXPORT_SCHEMA_VERSION }];
}
