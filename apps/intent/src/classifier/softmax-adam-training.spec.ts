import { DEFAULT_ADAM_OPTIONS, trainSoftmaxAdam } from './softmax-adam-training';
import { softmaxLogits, type SoftmaxTrainingSet } from './softmax-regression';

function row(columns: number[], values: number[]) {
  return { columns: Int32Array.from(columns), values: Float64Array.from(values) };
}

const set: SoftmaxTrainingSet = {
  rows: [
    row([0], [1]),
    row([0, 3], [0.8, 0.6]),
    row([1], [1]),
    row([1, 3], [0.6, 0.8]),
    row([2], [1]),
    row([2, 4], [0.7, 0.7]),
  ],
  labels: Int32Array.from([0, 0, 1, 1, 2, 2]),
  numFeatures: 5,
  numClasses: 3,
};

const options = { ...DEFAULT_ADAM_OPTIONS, epochs: 60, batchSize: 2, learningRate: 0.1 };

describe('trainSoftmaxAdam', () => {
  it('learns a separable problem and reports each epoch', () => {
    const epochs: number[] = [];
    const { model, steps } = trainSoftmaxAdam(set, options, (r) => epochs.push(r.loss));
    expect(steps).toBe(60 * 3);
    expect(epochs).toHaveLength(60);
    expect(epochs[59]).toBeLessThan(epochs[0]);
    set.rows.forEach((r, i) => {
      const logits = softmaxLogits(model, r);
      expect(logits.indexOf(Math.max(...logits))).toBe(set.labels[i]);
    });
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = trainSoftmaxAdam(set, options).model;
    const b = trainSoftmaxAdam(set, options).model;
    const c = trainSoftmaxAdam(set, { ...options, seed: 7 }).model;
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    expect(Array.from(b.bias)).toEqual(Array.from(a.bias));
    expect(Array.from(c.weights)).not.toEqual(Array.from(a.weights));
  });

  it('shrinks weights with decay, including rows a batch did not touch', () => {
    const free = trainSoftmaxAdam(set, { ...options, weightDecay: 0 }).model;
    const decayed = trainSoftmaxAdam(set, { ...options, weightDecay: 0.5 }).model;
    const norm = (w: Float64Array) => Math.sqrt(w.reduce((sum, v) => sum + v * v, 0));
    expect(norm(decayed.weights)).toBeLessThan(norm(free.weights));
  });

  it('refuses an empty training set', () => {
    expect(() => trainSoftmaxAdam({ ...set, rows: [], labels: new Int32Array(0) })).toThrow(
      /empty/,
    );
  });
});
