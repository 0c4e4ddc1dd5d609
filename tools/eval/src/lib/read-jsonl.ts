import { parseJsonLines } from '@mangaassist/config';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Reads a labelled JSONL file whole (evaluation sets are small), validating every line; a bad
 * line stops the run with its number and reason rather than being silently skipped, because a
 * metric over a silently shortened set is a wrong metric.
 */
export function readLabelledJsonl<S extends z.ZodType>(path: string, schema: S): z.infer<S>[] {
  const rows = parseJsonLines(readFileSync(path, 'utf8'), path, schema) as z.infer<S>[];
  if (rows.length === 0) throw new Error(`${path} has no examples`);
  return rows;
}
