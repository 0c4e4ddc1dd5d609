import type { z } from 'zod';

/** A JSON Lines file with lines that are not JSON or do not match the schema. */
export class JsonLinesError extends Error {
  override readonly name = 'JsonLinesError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length} bad line(s):\n  ${problems.slice(0, 10).join('\n  ')}`);
  }
}

/**
 * Every non-blank line of a JSON Lines text, validated against `schema`. A labelled data set
 * silently shortened by a bad line is a different data set, so any bad line refuses the whole
 * text, naming each one with its number and reason (the first ten of them).
 */
export function parseJsonLines<T>(text: string, source: string, schema: z.ZodType<T>): T[] {
  const rows: T[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`line ${index + 1}: not JSON`);
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) {
      rows.push(parsed.data);
      return;
    }
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`);
    problems.push(`line ${index + 1}: ${issues.join('; ')}`);
  });
  if (problems.length > 0) throw new JsonLinesError(source, problems);
  return rows;
}
