import { join } from 'node:path';
import { DEFAULT_TRAINING_OPTIONS } from '../classifier/intent-training';
import { runBanking77Benchmark, splitValidation } from './banking77.benchmark';
import { readBanking77Csv } from './banking77.dataset';
import { runClinc150Benchmark } from './clinc150.benchmark';
import { readClinc150 } from './clinc150.dataset';

const FIXTURES = join(__dirname, 'fixtures');
const training = {
  ...DEFAULT_TRAINING_OPTIONS,
  optimizer: { ...DEFAULT_TRAINING_OPTIONS.optimizer, epochs: 30, batchSize: 4 },
};

describe('benchmark runs on miniature data sets', () => {
  it('CLINC150: trains with OOS as a class, tunes on val, reports test', async () => {
    const lines: string[] = [];
    const result = runClinc150Benchmark(
      await readClinc150(join(FIXTURES, 'clinc150-mini.json')),
      { training, maxInScopeDrop: 0.005 },
      (line) => lines.push(line),
    );
    expect(result).toMatchObject({
      dataset: 'clinc150',
      labels: 4,
      train_examples: { in_scope: 18, oos: 3 },
      test_examples: { in_scope: 3, oos: 2 },
    });
    expect(result.in_scope_accuracy).toBeGreaterThanOrEqual(2 / 3);
    expect(typeof result.oos_recall).toBe('number');
    expect(lines.some((l) => /^model 3\/3, epoch 30\/30: loss/.test(l))).toBe(true);
    expect(lines.some((l) => /^OOS threshold/.test(l))).toBe(true);
  });

  it('BANKING77: holds a seeded per-label share of train out and reports test accuracy', async () => {
    const train = await readBanking77Csv(join(FIXTURES, 'banking77-mini', 'train.csv'));
    const test = await readBanking77Csv(join(FIXTURES, 'banking77-mini', 'test.csv'));
    const split = splitValidation(train, 0.2, 1);
    expect(split.val).toHaveLength(3);
    expect(split.train).toHaveLength(15);
    expect(splitValidation(train, 0.2, 1)).toEqual(split);
    const result = runBanking77Benchmark(train, test, { training, valShare: 0.2 }, () => undefined);
    expect(result).toMatchObject({
      dataset: 'banking77',
      labels: 3,
      train_examples: 15,
      val_examples: 3,
      test_examples: 3,
    });
    expect(result.accuracy).toBeGreaterThanOrEqual(2 / 3);
  });
});
