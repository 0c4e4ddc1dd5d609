import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainIntentModel } from './intent-training';
import { fixtureExamples } from './fixtures/fixture-examples';
import {
  loadModelArtifact,
  MODEL_FILE,
  readModelManifest,
  saveModelArtifact,
  WEIGHTS_FILE,
} from './model-artifact';

const { train, dev } = fixtureExamples();

describe('model directory artifact', () => {
  const model = trainIntentModel(train, dev);
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intent-artifact-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips with the same version, metrics and predictions (ja and en)', async () => {
    const out = join(dir, 'v-test');
    const manifest = await saveModelArtifact(out, model, {
      train: { path: 'train.jsonl', sha256: 'a'.repeat(64), examples: train.length },
      dev: { path: 'dev.jsonl', sha256: 'b'.repeat(64), examples: dev.length },
      options: { seed: 1 },
    });
    expect(manifest.version).toBe(model.version);
    const loaded = await loadModelArtifact(out);
    expect(loaded.version).toBe(model.version);
    expect(loaded.metrics).toEqual(model.metrics);
    for (const text of ['ONE PIECEは何巻まで出ていますか？', 'how much is spy x family vol 3']) {
      expect(loaded.predict(text)).toEqual(model.predict(text));
    }
    const json = JSON.parse(await readFile(join(out, MODEL_FILE), 'utf8')) as {
      format: string;
      provenance: { train: { examples: number } };
    };
    expect(json.format).toBe('mangaassist.intent.softmax-regression');
    expect(json.provenance.train.examples).toBe(train.length);
    // float32 weights and int32 buckets, nothing else.
    const bytes = (await readFile(join(out, WEIGHTS_FILE))).length;
    const { buckets, labels } = model.parts;
    expect(bytes).toBe(4 * (buckets.length * (1 + labels.length) + labels.length));
  });

  it('refuses weights that do not match the manifest', async () => {
    const out = join(dir, 'tampered');
    await saveModelArtifact(out, model);
    const weights = await readFile(join(out, WEIGHTS_FILE));
    weights[weights.length - 1] ^= 0xff;
    await writeFile(join(out, WEIGHTS_FILE), weights);
    await expect(loadModelArtifact(out)).rejects.toThrow(/does not match the sha256/);
  });

  it('refuses a manifest whose content hash is not its version', async () => {
    const out = join(dir, 'renamed');
    await saveModelArtifact(out, model);
    const manifest = await readModelManifest(out);
    await writeFile(
      join(out, MODEL_FILE),
      JSON.stringify({ ...manifest, temperature: manifest.temperature * 2 }),
    );
    await expect(loadModelArtifact(out)).rejects.toThrow(/claims version .* content is/);
  });

  it('names the file and the problem for a malformed or missing artifact', async () => {
    const out = join(dir, 'broken');
    await saveModelArtifact(out, model);
    const manifest = await readModelManifest(out);
    await writeFile(join(out, MODEL_FILE), JSON.stringify({ ...manifest, labels: ['x'] }));
    await expect(loadModelArtifact(out)).rejects.toThrow(
      /broken\/model\.json: invalid model manifest: labels/,
    );
    await expect(loadModelArtifact(join(dir, 'missing'))).rejects.toThrow(
      /missing\/model\.json: cannot read/,
    );
  });
});
