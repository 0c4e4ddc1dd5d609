import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

export interface LineError {
  line: number;
  reason: string;
}

export interface LoadResult<T> {
  records: T[];
  errors: LineError[];
}

/** Reads a JSONL string; every bad line is reported with its number and kept out of records. */
export function parseJsonl<S extends z.ZodType>(text: string, schema: S): LoadResult<z.infer<S>> {
  const result: LoadResult<z.infer<S>> = { records: [], errors: [] };
  text.split(/\r?\n/).forEach((line, index) => acceptLine(line, index + 1, schema, result));
  return result;
}

/** Streams a JSONL file (no whole-file buffer), with the same per-line reporting. */
export async function loadJsonlFile<S extends z.ZodType>(
  path: string,
  schema: S,
  onProgress?: (linesRead: number) => void,
): Promise<LoadResult<z.infer<S>>> {
  const result: LoadResult<z.infer<S>> = { records: [], errors: [] };
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    acceptLine(line, lineNumber, schema, result);
    if (onProgress && lineNumber % 1000 === 0) onProgress(lineNumber);
  }
  onProgress?.(lineNumber);
  return result;
}

function acceptLine<S extends z.ZodType>(
  line: string,
  lineNumber: number,
  schema: S,
  result: LoadResult<z.infer<S>>,
): void {
  if (line.trim() === '') return;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    result.errors.push({ line: lineNumber, reason: `invalid JSON: ${(error as Error).message}` });
    return;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) {
    result.records.push(parsed.data);
  } else {
    const reason = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
      .join('; ');
    result.errors.push({ line: lineNumber, reason });
  }
}
