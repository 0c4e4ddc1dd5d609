import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRepoRoot } from '@mangaassist/config';
import { FIXTURE_DEV_PATH, FIXTURE_TRAIN_PATH } from '../classifier/fixtures/fixture-examples';
import { loadModelArtifact } from '../classifier/model-artifact';
import { parseTrainArgs, runTrain, type TrainArgs } from './train-command';
import { runCli, type CliIo, UsageError } from './cli-io';

/** Tests write plain JSON; Prettier runs only in the CLI. */
const plain = (json: string) => json;

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => {
      io.stdout += text;
    },
    err: (text: string) => {
      io.stderr += text;
    },
  };
  return io;
}

describe('intent:train command line', () => {
  it('reads its options, with repository defaults for the data', () => {
    const args = parseTrainArgs(
      ['--out', 'models/intent/v9', '--seed', '7', '--epochs', '3'],
      '/work',
    );
    expect(args).toMatchObject({
      out: '/work/models/intent/v9',
      data: fromRepoRoot('data/intent/train.jsonl'),
      dev: fromRepoRoot('data/intent/dev.jsonl'),
      seed: 7,
      epochs: 3,
      titleMasking: true,
    });
    expect(parseTrainArgs(['--help'])).toBeUndefined();
    expect(parseTrainArgs(['--out', '/o', '--no-title-masking'])?.titleMasking).toBe(false);
  });

  it.each([
    [[], /--out <dir> is required/],
    [['--out', 'x', '--seed=-1'], /--seed must be an integer from 0/],
    [
      ['--out', 'x', '--epochs', 'many'],
      /--epochs must be an integer from 1 to 1000 \(got "many"\)/,
    ],
    [['--out', 'x', '--colour', 'red'], /Unknown option '--colour'/],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseTrainArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseTrainArgs(argv as string[])).toThrow(message);
  });

  it('reports usage errors with exit status 2 and failures with 1', async () => {
    const io = capture();
    expect(await runCli('intent:train', () => Promise.reject(new UsageError('bad')), io)).toBe(2);
    expect(io.stderr).toMatch(/intent:train: bad\nRun with --help/);
    expect(await runCli('intent:train', () => Promise.reject(new Error('no file')), io)).toBe(1);
    expect(io.stderr).toMatch(/intent:train failed: no file/);
  });

  describe('on the fixture data', () => {
    let dir: string;
    let args: TrainArgs;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'intent-train-cli-'));
      args = {
        data: FIXTURE_TRAIN_PATH,
        dev: FIXTURE_DEV_PATH,
        out: join(dir, 'v-test'),
        seed: 11,
        epochs: 4,
        catalog: fromRepoRoot('data/catalog/catalog.jsonl'),
        titleMasking: true,
      };
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes a versioned model directory with metrics and a model card, and progress lines', async () => {
      const io = capture();
      const summary = await runTrain(args, io, plain);
      expect(summary).toMatchObject({ seed: 11, epochs: 4, train_examples: 264, dev_examples: 44 });
      expect(io.stderr).toMatch(/epoch 1\/4: loss/);
      expect(io.stderr).toMatch(/epoch 4\/4: loss/);
      expect(io.stderr).toMatch(/masking the titles of \d+ catalog series/);
      const card = await readFile(join(args.out, 'model-card.md'), 'utf8');
      expect(card).toContain(`Version \`${String(summary.version)}\``);
      expect(card).toMatch(/## Dev metrics[\s\S]*accuracy/);
      expect(card).toMatch(/## Limits/);
      const metrics = JSON.parse(await readFile(join(args.out, 'metrics.json'), 'utf8')) as {
        dev: { confusion: Record<string, Record<string, number>> };
      };
      expect(Object.keys(metrics.dev.confusion).length).toBeGreaterThan(5);
      const manifest = JSON.parse(await readFile(join(args.out, 'model.json'), 'utf8')) as {
        version: string;
        provenance: { train: { examples: number } };
      };
      expect(manifest.version).toBe(summary.version);
      expect(manifest.provenance.train.examples).toBe(264);
    });

    it('is deterministic: the same seed gives the same version, another seed another', async () => {
      const first = await runTrain({ ...args, out: join(dir, 'a') }, capture(), plain);
      const again = await runTrain({ ...args, out: join(dir, 'b') }, capture(), plain);
      const reseeded = await runTrain({ ...args, out: join(dir, 'c'), seed: 12 }, capture(), plain);
      expect(again.version).toBe(first.version);
      expect(reseeded.version).not.toBe(first.version);
      const a = await readFile(join(dir, 'a', 'weights.bin'));
      const b = await readFile(join(dir, 'b', 'weights.bin'));
      expect(a.equals(b)).toBe(true);
      expect(
        (await loadModelArtifact(join(dir, 'a'), { name: 'mask-catalog-titles', apply: (t) => t }))
          .version,
      ).toBe(first.version);
    });

    it('names a missing data file', async () => {
      await expect(
        runTrain({ ...args, data: join(dir, 'missing.jsonl') }, capture()),
      ).rejects.toThrow(/missing\.jsonl/);
    });
  });
});
