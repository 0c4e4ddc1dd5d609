import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRepoRoot } from '@mangaassist/config';
import { FIXTURE_DEV_PATH, FIXTURE_TRAIN_PATH } from '../classifier/fixtures/fixture-examples';
import { UsageError } from './cli-io';
import {
  DEFAULT_MAX_IN_SCOPE_DROP,
  DEFAULT_VAL_SHARE,
  parseBenchmarkArgs,
  runBenchmark,
} from './benchmark-command';
import { runTrain } from './train-command';

const FIXTURES = join(__dirname, '..', 'benchmarks', 'fixtures');
const quiet = { out: () => undefined, err: () => undefined };

describe('intent:bench command line', () => {
  it('reads the data set, its path and the options', () => {
    const args = parseBenchmarkArgs(
      ['--dataset', 'clinc150', '--path', 'data_full.json', '--seed', '3', '--epochs', '2'],
      '/data',
    );
    expect(args).toMatchObject({
      dataset: 'clinc150',
      path: '/data/data_full.json',
      maxInScopeDrop: DEFAULT_MAX_IN_SCOPE_DROP,
      valShare: DEFAULT_VAL_SHARE,
    });
    expect(args?.training.optimizer).toMatchObject({ seed: 3, epochs: 2 });
    expect(parseBenchmarkArgs(['-h'])).toBeUndefined();
    expect(
      parseBenchmarkArgs(['--dataset', 'banking77', '--path', '/b', '--val-share', '0.2'])
        ?.valShare,
    ).toBe(0.2);
  });

  it.each([
    [[], /--dataset is required: clinc150, banking77, xsid-ja/],
    [['--dataset', 'snips', '--path', 'x'], /--dataset must be one of .* \(got "snips"\)/],
    [['--dataset', 'clinc150'], /--path is required/],
    [['--dataset', 'clinc150', '--path', 'x', '--max-in-scope-drop', '2'], /from 0 to 1/],
    [['--dataset', 'banking77', '--path', 'x', '--val-share', 'half'], /--val-share must be/],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseBenchmarkArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseBenchmarkArgs(argv as string[])).toThrow(message);
  });

  it('runs clinc150 and banking77 end to end on miniature copies', async () => {
    const base = { seed: 1, epochs: 30 };
    const clinc = parseBenchmarkArgs([
      '--dataset',
      'clinc150',
      '--path',
      join(FIXTURES, 'clinc150-mini.json'),
      '--epochs',
      String(base.epochs),
    ]);
    const banking = parseBenchmarkArgs([
      '--dataset',
      'banking77',
      '--path',
      join(FIXTURES, 'banking77-mini', 'train.csv'),
      '--epochs',
      String(base.epochs),
      '--val-share',
      '0.2',
    ]);
    if (!clinc || !banking) throw new Error('expected arguments');
    expect(await runBenchmark(clinc, quiet)).toMatchObject({
      dataset: 'clinc150',
      in_scope_accuracy: expect.any(Number),
      oos_recall: expect.any(Number),
    });
    expect(await runBenchmark(banking, quiet)).toMatchObject({
      dataset: 'banking77',
      accuracy: expect.any(Number),
    });
  });

  describe('xsid-ja', () => {
    let dir: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'intent-bench-cli-'));
      await runTrain(
        {
          data: FIXTURE_TRAIN_PATH,
          dev: FIXTURE_DEV_PATH,
          out: join(dir, 'model'),
          seed: 1,
          epochs: 10,
          catalog: fromRepoRoot('data/catalog/catalog.jsonl'),
          titleMasking: true,
        },
        quiet,
        (json) => json,
      );
    });

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('runs a model directory over Japanese xSID-format sentences', async () => {
      const args = parseBenchmarkArgs([
        '--dataset',
        'xsid-ja',
        '--path',
        join(FIXTURES, 'xsid-mini'),
        '--model',
        join(dir, 'model'),
      ]);
      if (!args) throw new Error('expected arguments');
      const result = await runBenchmark(args, quiet);
      expect(result).toMatchObject({ dataset: 'xsid-ja', sentences: 3, target: 0.95 });
      const predicted = Object.values(result.predicted as Record<string, number>);
      expect(predicted.reduce((a, b) => a + b, 0)).toBe(3);
      expect(Object.keys(result.by_xsid_intent as object)).toEqual([
        'alarm/set_alarm',
        'reminder/cancel_reminder',
        'weather/find',
      ]);
    });

    it('uses the model the service loads by default, which puts them all out of scope', async () => {
      const args = parseBenchmarkArgs([
        '--dataset',
        'xsid-ja',
        '--path',
        join(FIXTURES, 'xsid-mini'),
      ]);
      if (!args) throw new Error('expected arguments');
      const result = await runBenchmark(args, quiet, {});
      expect(result).toMatchObject({ out_of_scope_share: 1, predicted: { out_of_scope: 3 } });
    });
  });
});
