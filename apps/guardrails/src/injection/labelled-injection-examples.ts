import { readFile } from 'node:fs/promises';
import { parseJsonLines } from '@mangaassist/config';
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
  const examples = parseJsonLines(text, source, injectionExampleSchema);
  if (!examples.some((e) => e.label === 'attack') || !examples.some((e) => e.label === 'benign')) {
    throw new Error(`${source}: needs both attack and benign examples`);
  }
  return examples;
}
