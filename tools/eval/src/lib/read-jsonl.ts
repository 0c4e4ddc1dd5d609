import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * Reads a labelled JSONL file whole (evaluation sets are small), validating every line; a bad
 * line stops the run with its number and reason rather than being silently skipped, because a
 * metric over a silently shortened set is a wrong metric.
 */
export function readLabelledJsonl<S extends z.ZodType>(path: string, schema: S): z.infer<S>[] {
  const rows: z.infer<S>[] = [];
  const problems: string[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        problems.push(`line ${index + 1}: invalid JSON: ${(error as Error).message}`);
        return;
      }
      const parsed = schema.safeParse(json);
      if (parsed.success) rows.push(parsed.data);
      else
        problems.push(
          `line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ')}`,
        );
    });
  if (problems.length > 0) {
    throw new Error(
      `${path} has ${problems.length} bad line(s):\n  ${problems.slice(0, 20).join('\n  ')}`,
    );
  }
  if (rows.length === 0) throw new Error(`${path} has no examples`);
  return rows;
}
