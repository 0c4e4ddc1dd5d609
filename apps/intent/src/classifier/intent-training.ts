import { performance } from 'node:perf_hooks';
import { expectedCalibrationError, fitTemperature, calibratedProbabilities } from './calibration';
import {
  DEFAULT_FEATURE_OPTIONS,
  featurize,
  type FeatureOptions,
  type SparseVector,
} from './features';
import { IntentModel, type IntentModelParts, type ModelMetrics } from './intent-model';
import { INTENT_LABELS, type LabelledExample } from './labelled-examples';
import { modelVersion } from './model-artifact';
import {
  DEFAULT_SOFTMAX_OPTIONS,
  softmaxLogits,
  trainSoftmaxRegression,
  type SoftmaxTrainingOptions,
  type SparseRow,
} from './softmax-regression';
import { IDENTITY_PREPROCESSOR, type TextPreprocessor } from './text-preprocessor';

export interface IntentTrainingOptions {
  features: FeatureOptions;
  softmax: SoftmaxTrainingOptions;
}

export const DEFAULT_TRAINING_OPTIONS: IntentTrainingOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  softmax: DEFAULT_SOFTMAX_OPTIONS,
};

/** Significant digits kept per weight, so the saved artifact reproduces the in-memory model. */
const WEIGHT_DIGITS = 7;

/**
 * Trains the softmax classifier on `train`, fits its temperature on `dev` and measures it there.
 * Deterministic: the same examples and options give identical weights and the same version.
 */
export function trainIntentModel(
  train: readonly LabelledExample[],
  dev: readonly LabelledExample[],
  options: IntentTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  preprocessor: TextPreprocessor = IDENTITY_PREPROCESSOR,
): IntentModel {
  const started = performance.now();
  const labels = INTENT_LABELS;
  const vectors = train.map((example) =>
    featurize(preprocessor.apply(example.text), options.features),
  );
  const buckets = Int32Array.from(new Set(vectors.flatMap((v) => Array.from(v.indices)))).sort();
  const columnOf = new Map(Array.from(buckets, (bucket, column) => [bucket, column]));
  const rows = vectors.map((vector) => toRow(vector, columnOf));
  const fit = trainSoftmaxRegression(
    {
      rows,
      labels: Int32Array.from(train, (example) => labels.indexOf(example.intent)),
      numFeatures: buckets.length,
      numClasses: labels.length,
    },
    options.softmax,
  );
  const weights = fit.model.weights.map(round);
  const bias = fit.model.bias.map(round);
  const uncalibrated: Omit<IntentModelParts, 'temperature'> = {
    labels,
    preprocessing: preprocessor.name,
    features: options.features,
    buckets,
    weights,
    bias,
  };

  const devLabels = dev.map((example) => labels.indexOf(example.intent));
  const scorer = { numFeatures: buckets.length, numClasses: labels.length, weights, bias };
  const devLogits = dev.map((example) =>
    softmaxLogits(
      scorer,
      toRow(featurize(preprocessor.apply(example.text), options.features), columnOf),
    ),
  );
  const calibration = fitTemperature(devLogits, devLabels);
  const temperature = round(calibration.temperature);
  const devProbabilities = devLogits.map((z) => calibratedProbabilities(z, temperature));
  const predicted = devProbabilities.map(argmax);

  const parts: IntentModelParts = { ...uncalibrated, temperature };
  const metrics: ModelMetrics = {
    trainExamples: train.length,
    devExamples: dev.length,
    devAccuracy: accuracy(predicted, devLabels),
    devMacroF1: macroF1(predicted, devLabels, labels.length),
    devNllUncalibrated: calibration.nllBefore,
    devNll: calibration.nllAfter,
    devEce: expectedCalibrationError(devProbabilities, devLabels),
    iterations: fit.iterations,
    trainingMs: Math.round(performance.now() - started),
  };
  return new IntentModel(parts, modelVersion(parts), metrics, preprocessor);
}

function toRow(vector: SparseVector, columnOf: ReadonlyMap<number, number>): SparseRow {
  const columns: number[] = [];
  const values: number[] = [];
  vector.indices.forEach((bucket, i) => {
    const column = columnOf.get(bucket);
    if (column !== undefined) {
      columns.push(column);
      values.push(vector.values[i]);
    }
  });
  return { columns: Int32Array.from(columns), values: Float64Array.from(values) };
}

function round(value: number): number {
  return Number(value.toPrecision(WEIGHT_DIGITS));
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

export function accuracy(predicted: readonly number[], gold: readonly number[]): number {
  if (gold.length === 0) return 0;
  return predicted.filter((p, i) => p === gold[i]).length / gold.length;
}

/** Unweighted mean F1 over the classes present in gold or predictions. */
export function macroF1(
  predicted: readonly number[],
  gold: readonly number[],
  numClasses: number,
): number {
  const f1s: number[] = [];
  for (let k = 0; k < numClasses; k++) {
    const truePositive = predicted.filter((p, i) => p === k && gold[i] === k).length;
    const predictedK = predicted.filter((p) => p === k).length;
    const goldK = gold.filter((g) => g === k).length;
    if (predictedK === 0 && goldK === 0) continue;
    f1s.push(predictedK + goldK === 0 ? 0 : (2 * truePositive) / (predictedK + goldK));
  }
  return f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length;
}
