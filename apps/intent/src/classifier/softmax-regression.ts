import { minimizeLbfgs, type LbfgsOptions, type Objective } from './lbfgs';

/** One example over dense column ids 0..numFeatures-1 (strictly increasing). */
export interface SparseRow {
  columns: Int32Array;
  values: Float64Array;
}

export interface SoftmaxTrainingSet {
  rows: readonly SparseRow[];
  /** Class index per row. */
  labels: Int32Array;
  numFeatures: number;
  numClasses: number;
}

export interface SoftmaxTrainingOptions extends LbfgsOptions {
  /** L2 penalty on the weights (not the biases), added to the mean log loss as l2/2 * |W|^2. */
  l2: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxTrainingOptions = {
  l2: 3e-5,
  maxIterations: 300,
  memory: 8,
  gradientTolerance: 1e-6,
  relativeImprovement: 1e-9,
};

/** Multinomial logistic regression weights; weights are feature-major (feature * classes + class). */
export interface SoftmaxWeights {
  numFeatures: number;
  numClasses: number;
  weights: Float64Array;
  bias: Float64Array;
}

export interface SoftmaxTrainingResult {
  model: SoftmaxWeights;
  loss: number;
  iterations: number;
  converged: boolean;
}

/**
 * Fits softmax regression by L-BFGS from zero weights. No randomness is involved, so training
 * twice on the same rows gives identical weights.
 */
export function trainSoftmaxRegression(
  set: SoftmaxTrainingSet,
  options: SoftmaxTrainingOptions = DEFAULT_SOFTMAX_OPTIONS,
): SoftmaxTrainingResult {
  if (set.rows.length === 0) throw new Error('cannot train on an empty training set');
  const weightCount = set.numFeatures * set.numClasses;
  const result = minimizeLbfgs(
    softmaxObjective(set, options.l2),
    new Float64Array(weightCount + set.numClasses),
    options,
  );
  return {
    model: {
      numFeatures: set.numFeatures,
      numClasses: set.numClasses,
      weights: result.x.slice(0, weightCount),
      bias: result.x.slice(weightCount),
    },
    loss: result.value,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/**
 * Mean cross-entropy plus l2/2 * |W|^2 over parameters laid out as [W (feature-major), bias],
 * with its gradient.
 */
export function softmaxObjective(set: SoftmaxTrainingSet, l2: number): Objective {
  const { numFeatures, numClasses, rows, labels } = set;
  const weightCount = numFeatures * numClasses;
  const logits = new Float64Array(numClasses);
  const probabilities = new Float64Array(numClasses);
  const inverseN = 1 / rows.length;
  return (x, gradient) => {
    gradient.fill(0);
    let loss = 0;
    for (let r = 0; r < rows.length; r++) {
      const { columns, values } = rows[r];
      scoreInto(x, weightCount, numClasses, columns, values, logits);
      const logNormalizer = softmaxInto(logits, probabilities);
      loss -= logits[labels[r]] - logNormalizer;
      probabilities[labels[r]] -= 1;
      for (let j = 0; j < columns.length; j++) {
        const base = columns[j] * numClasses;
        const scaled = values[j] * inverseN;
        for (let k = 0; k < numClasses; k++) gradient[base + k] += scaled * probabilities[k];
      }
      for (let k = 0; k < numClasses; k++) gradient[weightCount + k] += probabilities[k] * inverseN;
    }
    let penalty = 0;
    for (let i = 0; i < weightCount; i++) {
      penalty += x[i] * x[i];
      gradient[i] += l2 * x[i];
    }
    return loss * inverseN + 0.5 * l2 * penalty;
  };
}

/** Raw class scores (logits) of one row. */
export function softmaxLogits(model: SoftmaxWeights, row: SparseRow): Float64Array {
  const logits = new Float64Array(model.numClasses);
  const params = model.weights;
  for (let k = 0; k < model.numClasses; k++) logits[k] = model.bias[k];
  for (let j = 0; j < row.columns.length; j++) {
    const base = row.columns[j] * model.numClasses;
    for (let k = 0; k < model.numClasses; k++) logits[k] += row.values[j] * params[base + k];
  }
  return logits;
}

function scoreInto(
  x: Float64Array,
  biasOffset: number,
  numClasses: number,
  columns: Int32Array,
  values: Float64Array,
  out: Float64Array,
): void {
  for (let k = 0; k < numClasses; k++) out[k] = x[biasOffset + k];
  for (let j = 0; j < columns.length; j++) {
    const base = columns[j] * numClasses;
    for (let k = 0; k < numClasses; k++) out[k] += values[j] * x[base + k];
  }
}

/** Writes softmax(logits) into out and returns log(sum(exp(logits))), computed stably. */
export function softmaxInto(logits: Float64Array, out: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const z of logits) if (z > max) max = z;
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    out[k] = Math.exp(logits[k] - max);
    sum += out[k];
  }
  for (let k = 0; k < logits.length; k++) out[k] /= sum;
  return max + Math.log(sum);
}
