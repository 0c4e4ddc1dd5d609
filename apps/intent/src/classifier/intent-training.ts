import { performance } from 'node:perf_hooks';
import { calibratedProbabilities, expectedCalibrationError, fitTemperature } from './calibration';
import { classificationReport } from './classification-metrics';
import { DEFAULT_FEATURE_OPTIONS, featurize, type FeatureOptions } from './features';
import { IntentModel, type IntentModelParts, type ModelMetrics } from './intent-model';
import { INTENT_LABELS } from './labelled-examples';
import { modelVersion } from './model-version';
import {
  DEFAULT_ADAM_OPTIONS,
  trainSoftmaxAdam,
  type AdamTrainingOptions,
  type EpochReport,
} from './softmax-adam-training';
import type { SparseRow } from './softmax-regression';
import { IDENTITY_PREPROCESSOR, type TextPreprocessor } from './text-preprocessor';

export interface IntentTrainingOptions {
  features: FeatureOptions;
  optimizer: AdamTrainingOptions;
  /** Hash buckets found in fewer training examples are dropped: they are mostly noise. */
  minFeatureCount: number;
  /**
   * Models trained with consecutive shuffle seeds and averaged. For a linear model the average
   * of the weights is the average of the logits, so this is a seed ensemble at the cost of one
   * model at prediction time; it removes most of the run-to-run variance of SGD (CLINC150 val
   * in-scope accuracy 92.9 -> 93.4 with 3).
   */
  seedEnsemble: number;
}

export const DEFAULT_TRAINING_OPTIONS: IntentTrainingOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  optimizer: DEFAULT_ADAM_OPTIONS,
  minFeatureCount: 1,
  seedEnsemble: 3,
};

/** A text with its label; our JSONL examples and the benchmark sets both fit this shape. */
export interface TrainingExample {
  text: string;
  intent: string;
}

export interface TrainingHooks {
  /** The classes, in output order; defaults to the eleven intents. */
  labels?: readonly string[];
  /** `run` counts the members of a seed ensemble from 1. */
  onEpoch?: (report: EpochReport, run: number, runs: number) => void;
}

/**
 * Trains the softmax classifier on `train`, fits its temperature on `dev` and measures it there.
 * Deterministic: the same examples, options and seed give identical weights and the same version.
 * The weights are rounded to float32, the precision of the saved artifact, before calibration,
 * so a saved and reloaded model predicts exactly what the trained one measured.
 */
export function trainIntentModel(
  train: readonly TrainingExample[],
  dev: readonly TrainingExample[],
  options: IntentTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  preprocessor: TextPreprocessor = IDENTITY_PREPROCESSOR,
  hooks: TrainingHooks = {},
): IntentModel {
  const started = performance.now();
  const labels = hooks.labels ?? INTENT_LABELS;
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const indexOf = (example: TrainingExample, split: string): number => {
    const k = labelIndex.get(example.intent);
    if (k === undefined) throw new Error(`${split}: unknown label "${example.intent}"`);
    return k;
  };
  const trainLabels = Int32Array.from(train, (example) => indexOf(example, 'train'));
  const devLabels = dev.map((example) => indexOf(example, 'dev'));
  if (dev.length === 0) throw new Error('dev: calibration needs at least one example');

  const vectors = train.map((example) =>
    featurize(preprocessor.apply(example.text), options.features),
  );
  const documentFrequency = new Map<number, number>();
  for (const vector of vectors) {
    for (const bucket of vector.indices) {
      documentFrequency.set(bucket, (documentFrequency.get(bucket) ?? 0) + 1);
    }
  }
  const buckets = Int32Array.from(
    [...documentFrequency]
      .filter(([, count]) => count >= options.minFeatureCount)
      .map(([bucket]) => bucket),
  ).sort();
  const columnOf = new Map(Array.from(buckets, (bucket, column) => [bucket, column]));
  const set = {
    rows: vectors.map((vector) => toRow(vector.indices, vector.values, columnOf)),
    labels: trainLabels,
    numFeatures: buckets.length,
    numClasses: labels.length,
  };
  const runs = Math.max(1, options.seedEnsemble);
  const weightSum = new Float64Array(buckets.length * labels.length);
  const biasSum = new Float64Array(labels.length);
  let lastLoss = 0;
  let steps = 0;
  for (let run = 0; run < runs; run++) {
    const fit = trainSoftmaxAdam(
      set,
      { ...options.optimizer, seed: (options.optimizer.seed + run) >>> 0 },
      hooks.onEpoch && ((report) => hooks.onEpoch?.(report, run + 1, runs)),
    );
    for (let i = 0; i < weightSum.length; i++) weightSum[i] += fit.model.weights[i];
    for (let k = 0; k < biasSum.length; k++) biasSum[k] += fit.model.bias[k];
    lastLoss += fit.loss / runs;
    steps += fit.steps;
  }

  const uncalibrated: IntentModelParts = {
    labels: [...labels],
    preprocessing: preprocessor.name,
    features: options.features,
    buckets,
    weights: Float32Array.from(weightSum, (w) => w / runs),
    bias: Float32Array.from(biasSum, (b) => b / runs),
    temperature: 1,
  };
  const provisional = new IntentModel(uncalibrated, 'uncalibrated', EMPTY_METRICS, preprocessor);
  const devLogits = dev.map((example) => provisional.logits(example.text));
  const calibration = fitTemperature(devLogits, devLabels);
  // float32 like the weights, so the saved temperature is the one measured here.
  const temperature = Math.fround(calibration.temperature);
  const devProbabilities = devLogits.map((z) => calibratedProbabilities(z, temperature));
  const report = classificationReport(
    dev.map((example) => example.intent),
    devProbabilities.map((p) => labels[argmax(p)]),
  );

  const parts: IntentModelParts = { ...uncalibrated, temperature };
  const metrics: ModelMetrics = {
    trainExamples: train.length,
    devExamples: dev.length,
    devAccuracy: report.accuracy,
    devMacroF1: report.macroF1,
    devNllUncalibrated: calibration.nllBefore,
    devNll: calibration.nllAfter,
    devEce: expectedCalibrationError(devProbabilities, devLabels),
    trainLoss: lastLoss,
    epochs: options.optimizer.epochs,
    steps,
    trainingMs: Math.round(performance.now() - started),
  };
  return new IntentModel(parts, modelVersion(parts), metrics, preprocessor);
}

const EMPTY_METRICS: ModelMetrics = {
  trainExamples: 0,
  devExamples: 0,
  devAccuracy: 0,
  devMacroF1: 0,
  devNllUncalibrated: 0,
  devNll: 0,
  devEce: 0,
  trainLoss: 0,
  epochs: 0,
  steps: 0,
  trainingMs: 0,
};

function toRow(
  indices: Int32Array,
  values: Float64Array,
  columnOf: ReadonlyMap<number, number>,
): SparseRow {
  const columns: number[] = [];
  const kept: number[] = [];
  indices.forEach((bucket, i) => {
    const column = columnOf.get(bucket);
    if (column !== undefined) {
      columns.push(column);
      kept.push(values[i]);
    }
  });
  return { columns: Int32Array.from(columns), values: Float64Array.from(kept) };
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}
