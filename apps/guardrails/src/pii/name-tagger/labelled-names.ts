import { parseJsonLines } from '@mangaassist/config';
import { normalizeText } from '@mangaassist/text';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseInjectionExamples } from '../../injection/labelled-injection-examples';
import type { NameExample } from './name-tagger';

/** One line of data/guardrails/pii.*.jsonl. */
const piiLineSchema = z.object({
  text: z.string().min(1).max(20_000),
  locale: z.enum(['ja', 'en']),
  entities: z.array(z.object({ type: z.string().min(1), value: z.string().min(1) })),
});

/**
 * Training messages for the name tagger: the labelled PII messages (their PERSON values are
 * the names) and ordinary shopper messages, which name titles, authors and characters but no
 * customer. A malformed line refuses the whole file, as for the injection classifier.
 */
export async function loadNameExamples(
  piiPath: string,
  shopperPath: string,
): Promise<NameExample[]> {
  const [pii, shoppers] = await Promise.all([
    readFile(piiPath, 'utf8'),
    readFile(shopperPath, 'utf8'),
  ]);
  const shopperMessages = parseInjectionExamples(shoppers, shopperPath)
    .filter((example) => example.category === 'shopper')
    .map((example) => ({ text: normalizeText(example.text), names: [] }));
  return [...parsePiiLines(pii, piiPath), ...shopperMessages];
}

export function parsePiiLines(text: string, source: string): NameExample[] {
  return parseJsonLines(text, source, piiLineSchema).map((line) => ({
    text: normalizeText(line.text),
    names: line.entities
      .filter((entity) => entity.type === 'PERSON')
      .map((entity) => normalizeText(entity.value)),
  }));
}
