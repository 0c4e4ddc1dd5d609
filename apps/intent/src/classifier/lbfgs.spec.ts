import { minimizeLbfgs } from './lbfgs';

const options = { maxIterations: 500, memory: 6, gradientTolerance: 1e-8, relativeImprovement: 0 };

describe('minimizeLbfgs', () => {
  it('finds the minimum of an ill-conditioned quadratic', () => {
    const scales = [1, 10, 100, 1000];
    const result = minimizeLbfgs(
      (x, g) => {
        let value = 0;
        scales.forEach((s, i) => {
          value += 0.5 * s * (x[i] - i) ** 2;
          g[i] = s * (x[i] - i);
        });
        return value;
      },
      new Float64Array(4),
      options,
    );
    expect(result.converged).toBe(true);
    Array.from(result.x).forEach((v, i) => expect(v).toBeCloseTo(i, 5));
  });

  it('solves the Rosenbrock function', () => {
    const result = minimizeLbfgs(
      (x, g) => {
        const [a, b] = [x[0], x[1]];
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      Float64Array.from([-1.2, 1]),
      options,
    );
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });
});
