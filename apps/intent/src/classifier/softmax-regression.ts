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

/** Multinomial logistic regression weights; weights are feature-major (feature * classes + class). */
export interface SoftmaxWeights {
  numFeatures: number;
  numClasses: number;
  weights: Float64Array;
  bias: Float64Array;
}

/** Raw class scores (logits) of one row. */
export function softmaxLogits(model: SoftmaxWeights, row: SparseRow): Float64Array {
  const logits = Float64Array.from(model.bias);
  for (let j = 0; j < row.columns.length; j++) {
    const base = row.columns[j] * model.numClasses;
    for (let k = 0; k < model.numClasses; k++) logits[k] += row.values[j] * model.weights[base + k];
  }
  return logits;
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
