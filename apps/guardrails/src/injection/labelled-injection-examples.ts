import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** One line of data/guardrails/injection.*.jsonl. */
export const injectionExampleSchema = z.object({
  text: z.string().min(1).max(20_000),
  locale: z.enum(['ja', 'en']),
  label: z.enum(['attack', 'benign']),
  category: z.string().min(1).optional(),
  /**
   * Where a line comes from when not written by hand: "template" (assembled from phrase parts)
   * or a public data set's train split ("clinc150-train"). Thresholds are scored without
   * template lines, whose near-duplicates would sit in other folds.
   */
  source: z.string().min(1).optional(),
});

export type InjectionExample = z.infer<typeof injectionExampleSchema>;

/**
 * Reads a labelled JSONL file, refusing it whole when a line is malformed: a classifier
 * trained on a silently shortened set is a different classifier.
 */
export async function loadInjectionExamples(path: string): Promise<InjectionExample[]> {
  const text = await readFile(path, 'utf8');
  return parseInjectionExamples(text, path);
}

export function parseInjectionExamples(text: string, source: string): InjectionExample[] {
  const examples: InjectionExample[] = [];
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
    const parsed = injectionExampleSchema.safeParse(json);
    if (parsed.success) examples.push(parsed.data);
    else
      problems.push(
        `line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
  });
  if (problems.length > 0) {
    throw new Error(
      `${source}: ${problems.length} bad line(s): ${problems.slice(0, 5).join(', ')}`,
    );
  }
  if (!examples.some((e) => e.label === 'attack') || !examples.some((e) => e.label === 'benign')) {
    throw new Error(`${source}: needs both attack and benign examples`);
  }
  return examples;
}
