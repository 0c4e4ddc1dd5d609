import { readFile } from 'node:fs/promises';
import { parseJsonLines } from '@mangaassist/config';
import { z } from 'zod';

const documentId = z
  .string()
  .regex(/^(MA-\d{4,}|POL-\d{3,})$/, 'must look like MA-0001 or POL-001');

/** One line of a labelled answers file (data/guardrails/grounding.dev.jsonl). */
export const labelledAnswerSchema = z.object({
  answer: z.string().min(1).max(20_000),
  evidence: z.array(documentId).max(50),
  label: z.enum(['grounded', 'hallucinated']),
  locale: z.enum(['ja', 'en']),
  /** What kind of answer or error it is ("wrong price"); shown in the report. */
  kind: z.string().min(1).optional(),
});

export type LabelledAnswer = z.infer<typeof labelledAnswerSchema>;

/** Every line validated; a bad line stops the run with its number. */
export async function loadLabelledAnswers(path: string): Promise<LabelledAnswer[]> {
  const rows = parseJsonLines(await readFile(path, 'utf8'), path, labelledAnswerSchema);
  if (!rows.some((r) => r.label === 'grounded') || !rows.some((r) => r.label === 'hallucinated')) {
    throw new Error(`${path}: needs both grounded and hallucinated answers`);
  }
  return rows;
}
