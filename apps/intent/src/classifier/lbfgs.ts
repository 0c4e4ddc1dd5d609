/** Writes the gradient at x into `gradient` and returns the objective value. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Correction pairs kept; memory grows with memory x parameters. */
  memory: number;
  /** Stop when the gradient norm falls below this times max(1, |x|). */
  gradientTolerance: number;
  /** Stop when an iteration improves the objective by less than this (relative). */
  relativeImprovement: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 40;

/**
 * Limited-memory BFGS with a backtracking (Armijo) line search. Full-batch and free of
 * randomness, so the same data always gives bit-identical weights; on a smooth convex loss
 * such as L2-regularized softmax regression it converges in tens of iterations.
 */
export function minimizeLbfgs(
  objective: Objective,
  x0: Float64Array,
  options: LbfgsOptions,
): LbfgsResult {
  const n = x0.length;
  let x = Float64Array.from(x0);
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  let nextX = new Float64Array(n);
  let nextGradient = new Float64Array(n);
  const direction = new Float64Array(n);
  const history: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const alphas = new Float64Array(options.memory);
  let iterations = 0;
  let converged = false;

  while (iterations < options.maxIterations) {
    const gradientNorm = Math.sqrt(dot(gradient, gradient));
    if (gradientNorm <= options.gradientTolerance * Math.max(1, Math.sqrt(dot(x, x)))) {
      converged = true;
      break;
    }
    searchDirection(gradient, history, alphas, direction, gradientNorm);
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // A stale curvature history can point uphill; restart from steepest descent.
      history.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -gradient[i] / gradientNorm;
      slope = dot(direction, gradient);
    }
    let step = 1;
    let nextValue = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let tries = 0; tries < MAX_BACKTRACKS; tries++) {
      for (let i = 0; i < n; i++) nextX[i] = x[i] + step * direction[i];
      nextValue = objective(nextX, nextGradient);
      if (nextValue <= value + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    iterations += 1;
    if (!accepted) break;
    rememberCurvature(history, options.memory, x, nextX, gradient, nextGradient);
    const improvement = value - nextValue;
    const previousX = x;
    x = nextX;
    nextX = previousX;
    const previousGradient = gradient;
    gradient = nextGradient;
    nextGradient = previousGradient;
    value = nextValue;
    if (improvement <= options.relativeImprovement * Math.max(1, Math.abs(value))) {
      converged = true;
      break;
    }
  }
  return { x, value, iterations, converged };
}

/** The two-loop recursion: direction = -H * gradient with H from the stored pairs. */
function searchDirection(
  gradient: Float64Array,
  history: readonly { s: Float64Array; y: Float64Array; rho: number }[],
  alphas: Float64Array,
  direction: Float64Array,
  gradientNorm: number,
): void {
  const n = gradient.length;
  for (let i = 0; i < n; i++) direction[i] = -gradient[i];
  for (let k = history.length - 1; k >= 0; k--) {
    const { s, y, rho } = history[k];
    const alpha = rho * dot(s, direction);
    alphas[k] = alpha;
    for (let i = 0; i < n; i++) direction[i] -= alpha * y[i];
  }
  const last = history[history.length - 1];
  // Without history the first step is a unit-length steepest-descent step.
  const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / gradientNorm;
  for (let i = 0; i < n; i++) direction[i] *= gamma;
  for (let k = 0; k < history.length; k++) {
    const { s, y, rho } = history[k];
    const beta = rho * dot(y, direction);
    const scale = alphas[k] - beta;
    for (let i = 0; i < n; i++) direction[i] += scale * s[i];
  }
}

function rememberCurvature(
  history: { s: Float64Array; y: Float64Array; rho: number }[],
  memory: number,
  x: Float64Array,
  nextX: Float64Array,
  gradient: Float64Array,
  nextGradient: Float64Array,
): void {
  // Reuse the oldest pair's buffers once memory is full instead of allocating two new vectors.
  const recycled = history.length >= memory ? history.shift() : undefined;
  const s = recycled?.s ?? new Float64Array(x.length);
  const y = recycled?.y ?? new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    s[i] = nextX[i] - x[i];
    y[i] = nextGradient[i] - gradient[i];
  }
  const sy = dot(s, y);
  // Only pairs with positive curvature keep the inverse-Hessian estimate positive definite.
  if (sy > 1e-12) history.push({ s, y, rho: 1 / sy });
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}
