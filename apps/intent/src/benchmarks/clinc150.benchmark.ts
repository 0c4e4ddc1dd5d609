import type { IntentTrainingOptions } from '../classifier/intent-training';
import { trainOnBenchmark, round4, scorePredictions, type Progress } from './benchmark-training';
import { CLINC_OOS_LABEL } from './clinc150.dataset';
import { chooseOosThreshold, oosScores } from './oos-threshold';
import type { BenchmarkSplits } from './text-example';

export interface ClincBenchmarkOptions {
  training: IntentTrainingOptions;
  /** In-scope validation accuracy the OOS threshold may cost (0.01 = one point). */
  maxInScopeDrop: number;
}

/**
 * CLINC150 "full", oos-train setting plus a tuned floor: train on train + oos_train (OOS as a
 * 151st class), fit the temperature and the OOS confidence floor on val + oos_val, report on
 * test + oos_test, which nothing before this function's last step has seen.
 */
export function runClinc150Benchmark(
  splits: BenchmarkSplits,
  options: ClincBenchmarkOptions,
  progress: Progress,
): Record<string, unknown> {
  const started = Date.now();
  const model = trainOnBenchmark(splits.train, splits.val, options.training, progress);
  const trainingSeconds = (Date.now() - started) / 1000;
  progress(`scoring ${splits.val.length} validation examples`);
  const val = scorePredictions(model, splits.val);
  const choice = chooseOosThreshold(val, CLINC_OOS_LABEL, options.maxInScopeDrop);
  progress(
    `OOS threshold ${choice.threshold} on val: in-scope accuracy ${choice.inScopeAccuracy.toFixed(4)}, OOS recall ${choice.oosRecall.toFixed(4)}`,
  );
  progress(`scoring ${splits.test.length} test examples`);
  const test = scorePredictions(model, splits.test);
  const tested = oosScores(test, choice.threshold, CLINC_OOS_LABEL);
  const argmaxOnly = oosScores(test, 0, CLINC_OOS_LABEL);
  const count = (examples: { label: string }[], oos: boolean) =>
    examples.filter((e) => (e.label === CLINC_OOS_LABEL) === oos).length;
  return {
    dataset: 'clinc150',
    in_scope_accuracy: round4(tested.inScopeAccuracy),
    oos_recall: round4(tested.oosRecall),
    oos_precision: round4(tested.oosPrecision),
    oos_threshold: choice.threshold,
    without_threshold: {
      in_scope_accuracy: round4(argmaxOnly.inScopeAccuracy),
      oos_recall: round4(argmaxOnly.oosRecall),
    },
    val: {
      in_scope_accuracy: round4(choice.inScopeAccuracy),
      oos_recall: round4(choice.oosRecall),
    },
    temperature: round4(model.parts.temperature),
    labels: model.labels.length,
    train_examples: { in_scope: count(splits.train, false), oos: count(splits.train, true) },
    val_examples: { in_scope: count(splits.val, false), oos: count(splits.val, true) },
    test_examples: { in_scope: count(splits.test, false), oos: count(splits.test, true) },
    features: model.parts.buckets.length,
    epochs: model.metrics.epochs,
    seed_ensemble: options.training.seedEnsemble,
    seed: options.training.optimizer.seed,
    training_s: Math.round(trainingSeconds * 10) / 10,
    total_s: Math.round((Date.now() - started) / 100) / 10,
  };
}
