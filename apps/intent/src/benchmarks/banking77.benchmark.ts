import type { IntentTrainingOptions } from '../classifier/intent-training';
import { SeededRandom } from '../classifier/seeded-random';
import {
  accuracyOf,
  round4,
  scorePredictions,
  trainOnBenchmark,
  type Progress,
} from './benchmark-training';
import type { TextExample } from './text-example';

export interface Banking77BenchmarkOptions {
  training: IntentTrainingOptions;
  /** Share of each label's training examples held out for validation (temperature). */
  valShare: number;
}

/**
 * BANKING77 has no validation split, so a seeded, per-label share of train is held out for
 * the temperature; test.csv is only scored. Accuracy does not depend on the temperature, the
 * held-out share only costs training data, and the JSON says how much.
 */
export function splitValidation(
  train: readonly TextExample[],
  share: number,
  seed: number,
): { train: TextExample[]; val: TextExample[] } {
  const byLabel = new Map<string, TextExample[]>();
  for (const example of train) {
    const group = byLabel.get(example.label) ?? [];
    group.push(example);
    byLabel.set(example.label, group);
  }
  const random = new SeededRandom(seed);
  const kept: TextExample[] = [];
  const val: TextExample[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = random.shuffle([...(byLabel.get(label) ?? [])]);
    const held = Math.min(group.length - 1, Math.round(group.length * share));
    val.push(...group.slice(0, held));
    kept.push(...group.slice(held));
  }
  return { train: kept, val };
}

export function runBanking77Benchmark(
  train: readonly TextExample[],
  test: readonly TextExample[],
  options: Banking77BenchmarkOptions,
  progress: Progress,
): Record<string, unknown> {
  const started = Date.now();
  const split = splitValidation(train, options.valShare, options.training.optimizer.seed);
  progress(`held out ${split.val.length} of ${train.length} training examples for validation`);
  const model = trainOnBenchmark(split.train, split.val, options.training, progress);
  const trainingSeconds = (Date.now() - started) / 1000;
  progress(`scoring ${test.length} test examples`);
  const report = accuracyOf(scorePredictions(model, test));
  const unseen = [...new Set(test.map((e) => e.label))].filter((l) => !model.labels.includes(l));
  return {
    dataset: 'banking77',
    accuracy: round4(report.accuracy),
    macro_f1: round4(report.macroF1),
    val_accuracy: round4(model.metrics.devAccuracy),
    temperature: round4(model.parts.temperature),
    labels: model.labels.length,
    test_labels_unseen_in_train: unseen.length,
    train_examples: split.train.length,
    val_examples: split.val.length,
    test_examples: test.length,
    features: model.parts.buckets.length,
    epochs: model.metrics.epochs,
    seed_ensemble: options.training.seedEnsemble,
    seed: options.training.optimizer.seed,
    training_s: Math.round(trainingSeconds * 10) / 10,
    total_s: Math.round((Date.now() - started) / 100) / 10,
  };
}
