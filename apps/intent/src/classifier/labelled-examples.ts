import { IntentSchema, enumNames } from '@mangaassist/contracts';
import { loadJsonlFile, parseJsonl, type LineError } from '@mangaassist/store-data';
import { z } from 'zod';

/** The classifier's labels, in the order of the Intent enum (product_search ... out_of_scope). */
export const INTENT_LABELS: readonly string[] = enumNames(IntentSchema);

export const labelledExampleSchema = z.object({
  text: z.string().min(1).max(2000),
  locale: z.enum(['ja', 'en']).optional(),
  intent: z.string().refine((label) => INTENT_LABELS.includes(label), {
    message: `must be one of ${INTENT_LABELS.join(', ')}`,
  }),
});

/** One line of data/intent/{train,dev}.jsonl. */
export type LabelledExample = z.infer<typeof labelledExampleSchema>;

export class TrainingDataError extends Error {
  constructor(
    readonly path: string,
    readonly problems: readonly LineError[],
  ) {
    const shown = problems.slice(0, 5).map((p) => `line ${p.line}: ${p.reason}`);
    super(`${path}: ${problems.length} bad line(s)\n  ${shown.join('\n  ')}`);
    this.name = 'TrainingDataError';
  }
}

/**
 * Reads labelled examples; a bad line fails the whole load, because a model silently trained on
 * part of its data is worse than a service that refuses to start and says which line is wrong.
 */
export async function loadLabelledExamples(path: string): Promise<LabelledExample[]> {
  const { records, errors } = await loadJsonlFile(path, labelledExampleSchema);
  if (errors.length > 0) throw new TrainingDataError(path, errors);
  if (records.length === 0) throw new TrainingDataError(path, [{ line: 0, reason: 'no examples' }]);
  return records;
}

export function parseLabelledExamples(text: string): LabelledExample[] {
  const { records, errors } = parseJsonl(text, labelledExampleSchema);
  if (errors.length > 0) throw new TrainingDataError('(inline)', errors);
  return records;
}
