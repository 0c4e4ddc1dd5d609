import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const labelsSchema = z.union([
  z.array(z.string().min(1)).min(2),
  z.object({
    labels: z.array(z.string().min(1)).min(2),
    /** Logits are divided by it before the softmax, as fitted after fine-tuning. */
    temperature: z.number().positive().optional(),
  }),
]);

export interface OnnxLabels {
  labels: string[];
  temperature: number;
}

/**
 * labels.json: the output classes in logit order, either a plain array of intent names or
 * `{"labels": [...], "temperature": 1.3}` when the model was temperature-scaled after training.
 */
export async function readOnnxLabels(path: string): Promise<OnnxLabels> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read labels: ${(error as Error).message}`);
  }
  const parsed = labelsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${path}: expected an array of at least two label names or {"labels": [...], "temperature"?}`,
    );
  }
  const value = parsed.data;
  return Array.isArray(value)
    ? { labels: value, temperature: 1 }
    : { labels: value.labels, temperature: value.temperature ?? 1 };
}
