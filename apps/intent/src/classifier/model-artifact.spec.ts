import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainIntentModel } from './intent-training';
import { loadModelArtifact, saveModelArtifact, toModelArtifact } from './model-artifact';
import { fixtureExamples } from './fixtures/fixture-examples';

const { train, dev } = fixtureExamples();

describe('model artifact', () => {
  const model = trainIntentModel(train, dev);
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intent-artifact-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through JSON with the same version, metrics and predictions', async () => {
    const path = join(dir, 'nested', 'model.json');
    await saveModelArtifact(path, model);
    const loaded = await loadModelArtifact(path);
    expect(loaded.version).toBe(model.version);
    expect(loaded.metrics).toEqual(model.metrics);
    for (const text of [
      'ONE PIECEは何巻まで出ていますか？',
      'how much is the kindle version of spy x family vol 3',
    ]) {
      expect(loaded.predict(text)).toEqual(model.predict(text));
    }
    const json = JSON.parse(await readFile(path, 'utf8')) as { format: string; version: string };
    expect(json.format).toBe('mangaassist.intent.softmax-regression');
  });

  it('refuses an artifact whose weights do not match its version', async () => {
    const artifact = toModelArtifact(model);
    artifact.weights[0] += 1;
    const path = join(dir, 'tampered.json');
    await writeFile(path, JSON.stringify(artifact));
    await expect(loadModelArtifact(path)).rejects.toThrow(/claims version/);
  });

  it('names the file and the problem for a malformed artifact', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, JSON.stringify({ ...toModelArtifact(model), bias: [1] }));
    await expect(loadModelArtifact(path)).rejects.toThrow(
      /broken\.json: invalid model artifact: .*bias/,
    );
    await expect(loadModelArtifact(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json/);
  });
});
