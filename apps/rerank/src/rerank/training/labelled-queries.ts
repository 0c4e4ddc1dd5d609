import { readFile } from 'node:fs/promises';
import { JsonLinesError, parseJsonLines } from '@mangaassist/config';
import { IntentSchema, enumValueByName } from '@mangaassist/contracts';
import { z } from 'zod';

const documentId = z
  .string()
  .regex(/^(MA-\d{4,}|POL-\d{3,})$/, 'must look like MA-0001 or POL-001');

/**
 * One line of data/rerank/train.jsonl: a shopper's question and graded judgements of the
 * documents that answer it (3 the one asked for, 2 a strong fit, 1 a partial fit; anything
 * retrieval returns that is not listed counts 0). The same shape as the retrieval eval files,
 * whose id lists are read as grade 1.
 */
export const labelledQuerySchema = z.object({
  query: z.string().min(1).max(2000),
  locale: z.enum(['ja', 'en']),
  intent: z
    .string()
    .refine((name) => enumValueByName(IntentSchema, name) !== undefined, 'unknown intent')
    .optional(),
  category: z.string().optional(),
  /** What the intent service extracted, passed on as the gateway does. */
  entities: z
    .object({
      title_ids: z
        .array(z.string().regex(/^MA-\d{4,}$/))
        .max(50)
        .optional(),
      volume: z.number().int().min(1).max(10_000).optional(),
      format: z.enum(['print', 'kindle']).optional(),
    })
    .optional(),
  relevant: z.union([
    z.array(documentId).min(1),
    z.record(documentId, z.number().int().min(0).max(3)),
  ]),
});

export interface LabelledQuery {
  query: string;
  locale: 'ja' | 'en';
  intent?: string;
  category?: string;
  entities?: { title_ids?: string[]; volume?: number; format?: 'print' | 'kindle' };
  grades: Map<string, number>;
}

export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}

/** Reads and validates a labelled file; any bad line stops training with its number. */
export async function readLabelledQueries(path: string): Promise<LabelledQuery[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TrainingDataError(`${path}: cannot read: ${(error as Error).message}`);
  }
  let rows: z.infer<typeof labelledQuerySchema>[];
  try {
    rows = parseJsonLines(text, path, labelledQuerySchema);
  } catch (error) {
    if (error instanceof JsonLinesError) throw new TrainingDataError(error.message);
    throw error;
  }
  const queries: LabelledQuery[] = rows.map(({ relevant, ...rest }) => ({
    ...rest,
    grades: Array.isArray(relevant)
      ? new Map(relevant.map((id) => [id, 1]))
      : new Map(Object.entries(relevant)),
  }));
  if (queries.length === 0) throw new TrainingDataError(`${path}: no labelled queries`);
  return queries;
}
