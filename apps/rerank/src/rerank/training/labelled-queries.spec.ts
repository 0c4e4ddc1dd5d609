import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRepoRoot } from '@mangaassist/config';
import { TrainingDataError, readLabelledQueries } from './labelled-queries';

describe('readLabelledQueries', () => {
  it('reads the shipped training file: graded, bilingual, some with entities', async () => {
    const queries = await readLabelledQueries(fromRepoRoot('data/rerank/train.jsonl'));
    expect(queries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(queries.map((q) => q.locale))).toEqual(new Set(['ja', 'en']));
    expect(queries.some((q) => q.entities?.volume !== undefined)).toBe(true);
    expect(queries.every((q) => [...q.grades.values()].some((g) => g > 0))).toBe(true);
  });

  it('reads id lists as grade 1 and names every bad line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labelled-'));
    try {
      const file = join(dir, 'train.jsonl');
      writeFileSync(
        file,
        [
          JSON.stringify({ query: '送料', locale: 'ja', relevant: ['POL-001'] }),
          '{oops',
          JSON.stringify({ query: 'x', locale: 'fr', relevant: ['MA-0001'] }),
          JSON.stringify({ query: 'x', locale: 'en', intent: 'weather', relevant: ['MA-0001'] }),
        ].join('\n'),
      );
      await expect(readLabelledQueries(file)).rejects.toThrow(
        /3 bad line\(s\):\n {2}line 2: not JSON\n {2}line 3: locale: .*\n {2}line 4: intent: unknown intent/,
      );
      writeFileSync(file, JSON.stringify({ query: '送料', locale: 'ja', relevant: ['POL-001'] }));
      const [only] = await readLabelledQueries(file);
      expect([...only.grades]).toEqual([['POL-001', 1]]);
      await expect(readLabelledQueries(join(dir, 'none.jsonl'))).rejects.toThrow(TrainingDataError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
