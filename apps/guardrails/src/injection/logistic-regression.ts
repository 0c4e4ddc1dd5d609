import { FEATURE_COUNT, type SparseVector } from './feature-hashing';

/** A binary logistic regression over hashed features. */
export interface LogisticModel {
  weights: Float64Array;
  bias: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  epochs: 12,
  learningRate: 0.4,
  l2: 1e-6,
  seed: 20261127,
};

export interface TrainingExample {
  vector: SparseVector;
  /** 1 for an attack, 0 for a benign message. */
  label: 0 | 1;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predict(model: LogisticModel, vector: SparseVector): number {
  let z = model.bias;
  for (let k = 0; k < vector.indices.length; k++)
    z += model.weights[vector.indices[k]] * vector.values[k];
  return sigmoid(z);
}

/** mulberry32, so that the shuffling, and with it the model, is the same on every start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Per-example AdaGrad on the class-balanced log loss with L2: attacks are the minority, and
 * without balancing the model would buy a low false-positive rate with recall. Deterministic:
 * the seed fixes the order of examples in every epoch.
 */
export function trainLogistic(
  examples: readonly TrainingExample[],
  options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
): LogisticModel {
  const weights = new Float64Array(FEATURE_COUNT);
  const squared = new Float64Array(FEATURE_COUNT);
  let bias = 0;
  let biasSquared = 0;
  const positives = examples.filter((e) => e.label === 1).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new Error('training needs both attack and benign examples');
  }
  const classWeight = [examples.length / (2 * negatives), examples.length / (2 * positives)];
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const model = { weights, bias };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const { vector, label } = examples[index];
      model.bias = bias;
      const error = (predict(model, vector) - label) * classWeight[label];
      for (let k = 0; k < vector.indices.length; k++) {
        const f = vector.indices[k];
        const gradient = error * vector.values[k] + options.l2 * weights[f];
        squared[f] += gradient * gradient;
        weights[f] -= (options.learningRate * gradient) / (Math.sqrt(squared[f]) + 1e-8);
      }
      biasSquared += error * error;
      bias -= (options.learningRate * error) / (Math.sqrt(biasSquared) + 1e-8);
    }
  }
  return { weights, bias };
}
