import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  type CatalogRecord,
  type LineError,
  type PolicyRecord,
  catalogRecordSchema,
  policyRecordSchema,
} from '@mangaassist/store-data';
import { catalogRecordProblems } from './record-checks';

/** A line longer than this is not a record of this store (a catalog line is ~1–2 KB). */
export const MAX_LINE_CHARS = 200_000;

const MAX_REASONS = 4;

export interface ValidatedFile<T> {
  records: T[];
  errors: LineError[];
  /** Lines read, blank ones included. */
  lines: number;
}

export type RecordKind = 'catalog' | 'policies';

/**
 * Streams a JSONL file and validates every line: JSON, the store's record schema, the catalog's
 * cross-field rules, ids unique within the file (the first one wins, as the service's loader
 * does). Bad lines are collected with their number and reason; good ones are returned.
 */
export async function validateJsonlFile(
  path: string,
  kind: 'catalog',
  onProgress?: (lines: number) => void,
): Promise<ValidatedFile<CatalogRecord>>;
export async function validateJsonlFile(
  path: string,
  kind: 'policies',
  onProgress?: (lines: number) => void,
): Promise<ValidatedFile<PolicyRecord>>;
export async function validateJsonlFile(
  path: string,
  kind: RecordKind,
  onProgress?: (lines: number) => void,
): Promise<ValidatedFile<CatalogRecord | PolicyRecord>> {
  const result: ValidatedFile<CatalogRecord | PolicyRecord> = { records: [], errors: [], lines: 0 };
  const firstLine = new Map<string, number>();
  const input = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of input) {
    result.lines += 1;
    const number = result.lines;
    if (onProgress && number % 5000 === 0) onProgress(number);
    if (line.trim() === '') continue;
    const fail = (reason: string) => result.errors.push({ line: number, reason });
    if (line.length > MAX_LINE_CHARS) {
      fail(`line is ${line.length} characters; at most ${MAX_LINE_CHARS}`);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      fail(`invalid JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed =
      kind === 'catalog' ? catalogRecordSchema.safeParse(json) : policyRecordSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`,
      );
      // A line that is not a record at all fails every field; the first few say enough.
      fail(
        issues.length > MAX_REASONS
          ? `${issues.slice(0, MAX_REASONS).join('; ')}; and ${issues.length - MAX_REASONS} more`
          : issues.join('; '),
      );
      continue;
    }
    const record = parsed.data;
    const problems = 'asin' in record ? catalogRecordProblems(record) : [];
    if (problems.length > 0) {
      fail(problems.join('; '));
      continue;
    }
    const first = firstLine.get(record.id);
    if (first !== undefined) {
      fail(`duplicate id ${record.id} (first at line ${first}); kept the first`);
      continue;
    }
    firstLine.set(record.id, number);
    result.records.push(record);
  }
  onProgress?.(result.lines);
  return result;
}
