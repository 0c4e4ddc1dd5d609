import { readFileSync } from 'node:fs';
import { fromRepoRoot } from '@mangaassist/config';
import { normalizeText } from '@mangaassist/text';
import { loadInjectionExamples } from '../injection/labelled-injection-examples';

const PII_TYPES = new Set([
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'POSTAL_CODE',
  'MY_NUMBER',
  'PERSON',
  'ADDRESS',
  'ORDER_ID',
]);

/** The labelled sets in data/guardrails: well-formed, bilingual, and no leakage across splits. */
describe('data/guardrails', () => {
  it('keeps the injection train, dev and test sets apart and bilingual', async () => {
    const [train, dev, test] = await Promise.all(
      ['train', 'dev', 'test'].map((split) =>
        loadInjectionExamples(fromRepoRoot(`data/guardrails/injection.${split}.jsonl`)),
      ),
    );
    const texts = (rows: typeof train) => new Set(rows.map((r) => normalizeText(r.text)));
    const [a, b, c] = [texts(train), texts(dev), texts(test)];
    expect([...b].filter((t) => a.has(t))).toEqual([]);
    expect([...c].filter((t) => a.has(t) || b.has(t))).toEqual([]);
    for (const split of [train, dev, test]) {
      for (const locale of ['ja', 'en'] as const) {
        expect(split.some((r) => r.locale === locale && r.label === 'attack')).toBe(true);
        expect(split.some((r) => r.locale === locale && r.label === 'benign')).toBe(true);
      }
      const categories = new Set(split.filter((r) => r.label === 'attack').map((r) => r.category));
      for (const category of ['override', 'system_prompt', 'roleplay', 'encoded']) {
        expect(categories).toContain(category);
      }
    }
  });

  it('labels PII values that occur in their text, in known types, in both languages', () => {
    for (const split of ['dev', 'test']) {
      const lines = readFileSync(fromRepoRoot(`data/guardrails/pii.${split}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map(
          (l) =>
            JSON.parse(l) as {
              text: string;
              locale: string;
              entities: { type: string; value: string }[];
            },
        );
      expect(new Set(lines.map((l) => l.locale))).toEqual(new Set(['ja', 'en']));
      for (const line of lines) {
        for (const entity of line.entities) {
          expect(PII_TYPES.has(entity.type)).toBe(true);
          expect(line.text).toContain(entity.value);
        }
      }
    }
  });
});
