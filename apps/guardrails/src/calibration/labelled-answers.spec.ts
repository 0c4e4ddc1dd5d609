import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRepoRoot } from '@mangaassist/config';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { loadLabelledAnswers } from './labelled-answers';

describe('loadLabelledAnswers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'labelled-answers-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('names every bad line', async () => {
    const path = write(
      'bad.jsonl',
      '{"answer":"x","evidence":["MA-0001"],"label":"grounded","locale":"ja"}\n{"answer":"y","evidence":["X-1"],"label":"maybe","locale":"ja"}\n',
    );
    await expect(loadLabelledAnswers(path)).rejects.toThrow(
      /line 2: evidence\.0: must look like MA-0001.*label/s,
    );
  });

  it('needs both labels', async () => {
    const path = write(
      'one.jsonl',
      '{"answer":"x","evidence":[],"label":"grounded","locale":"en"}\n',
    );
    await expect(loadLabelledAnswers(path)).rejects.toThrow(/both grounded and hallucinated/);
  });

  it('reads data/guardrails/grounding.dev.jsonl, whose evidence ids all exist in the sample store', async () => {
    const [answers, store] = await Promise.all([
      loadLabelledAnswers(fromRepoRoot('data/guardrails/grounding.dev.jsonl')),
      loadStoreSnapshot(),
    ]);
    const ids = new Set([...store.items.map((i) => i.id), ...store.policies.map((p) => p.id)]);
    expect(answers.length).toBeGreaterThan(250);
    expect(answers.flatMap((a) => a.evidence).filter((id) => !ids.has(id))).toEqual([]);
    expect(new Set(answers.map((a) => a.locale))).toEqual(new Set(['ja', 'en']));
  });
});
