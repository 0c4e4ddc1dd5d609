import {
  softmaxLogits,
  softmaxObjective,
  trainSoftmaxRegression,
  type SoftmaxTrainingSet,
} from './softmax-regression';

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
  ],
  labels: Int32Array.from([0, 0, 1, 1, 2]),
  numFeatures: 4,
  numClasses: 3,
};

describe('softmax regression', () => {
  it('has an analytic gradient that matches finite differences', () => {
    const objective = softmaxObjective(set, 0.1);
    const x = Float64Array.from({ length: 15 }, (_, i) => Math.sin(i + 1) * 0.3);
    const gradient = new Float64Array(15);
    objective(x, gradient);
    const scratch = new Float64Array(15);
    for (let i = 0; i < x.length; i++) {
      const h = 1e-6;
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i] += h;
      down[i] -= h;
      const numeric = (objective(up, scratch) - objective(down, scratch)) / (2 * h);
      expect(gradient[i]).toBeCloseTo(numeric, 6);
    }
  });

  it('learns a separable problem and predicts each class', () => {
    const { model, converged } = trainSoftmaxRegression(set, {
      l2: 1e-3,
      maxIterations: 200,
      memory: 5,
      gradientTolerance: 1e-7,
      relativeImprovement: 1e-12,
    });
    expect(converged).toBe(true);
    set.rows.forEach((r, i) => {
      const logits = softmaxLogits(model, r);
      expect(logits.indexOf(Math.max(...logits))).toBe(set.labels[i]);
    });
  });

  it('refuses an empty training set', () => {
    expect(() => trainSoftmaxRegression({ ...set, rows: [], labels: new Int32Array(0) })).toThrow(
      /empty/,
    );
  });
});
