import { readFileSync } from 'node:fs';
import { z } from 'zod';

const factSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('volumes'), value: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('author'), value: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('next_volume'),
    number: z.number().int().positive(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  z.strictObject({
    kind: z.literal('price'),
    format: z.enum(['print', 'kindle']),
    amount: z.number().int().positive(),
  }),
  z.strictObject({ kind: z.literal('status'), value: z.enum(['ongoing', 'completed', 'hiatus']) }),
  z.strictObject({ kind: z.literal('start_year'), value: z.number().int().min(1900).max(2100) }),
  z.strictObject({ kind: z.literal('publisher'), value: z.string().min(1) }),
]);

export const factCaseSchema = z.strictObject({
  id: z.string().regex(/^F-\d{3,}$/),
  locale: z.enum(['ja', 'en']),
  question: z.string().min(1).max(2000),
  /** The catalog item whose record holds the answer. */
  item: z.string().regex(/^MA-\d{4}$/),
  /** What the question asks, for reports: volumes, author, next, price, status, start, publisher, or a+b. */
  asks: z.string().min(1),
  facts: z.array(factSchema).min(1),
});

export type Fact = z.infer<typeof factSchema>;
export type FactCase = z.infer<typeof factCaseSchema>;

/** data/generation/facts.jsonl, every line validated; a bad line fails loudly with its number. */
export function loadFactCases(path: string): FactCase[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const cases: FactCase[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = factCaseSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new Error(
        `${path}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
    }
    cases.push(parsed.data);
  });
  return cases;
}
