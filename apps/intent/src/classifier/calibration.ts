import { softmaxInto } from './softmax-regression';

export interface TemperatureFit {
  /** Logits are divided by it before the softmax; > 1 softens, < 1 sharpens. */
  temperature: number;
  /** Mean negative log-likelihood on the calibration set at temperature 1 and at the fit. */
  nllBefore: number;
  nllAfter: number;
}

const MIN_INVERSE_TEMPERATURE = 0.02;
const MAX_INVERSE_TEMPERATURE = 20;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Temperature scaling (Guo et al., 2017): one scalar fitted on held-out data so that the
 * softmax probabilities match observed accuracy. The NLL is convex in 1/T, so a golden-section
 * search over 1/T finds the optimum deterministically; argmax and accuracy are unchanged.
 */
export function fitTemperature(
  logits: readonly Float64Array[],
  labels: ArrayLike<number>,
): TemperatureFit {
  if (logits.length === 0) throw new Error('cannot fit a temperature without calibration examples');
  let low = MIN_INVERSE_TEMPERATURE;
  let high = MAX_INVERSE_TEMPERATURE;
  let a = high - GOLDEN * (high - low);
  let b = low + GOLDEN * (high - low);
  let fa = meanNll(logits, labels, a);
  let fb = meanNll(logits, labels, b);
  for (let i = 0; i < 80 && high - low > 1e-6; i++) {
    if (fa <= fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - GOLDEN * (high - low);
      fa = meanNll(logits, labels, a);
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + GOLDEN * (high - low);
      fb = meanNll(logits, labels, b);
    }
  }
  const inverse = (low + high) / 2;
  return {
    temperature: 1 / inverse,
    nllBefore: meanNll(logits, labels, 1),
    nllAfter: meanNll(logits, labels, inverse),
  };
}

/** softmax(logits / temperature). */
export function calibratedProbabilities(logits: Float64Array, temperature: number): Float64Array {
  const scaled = logits.map((z) => z / temperature);
  const probabilities = new Float64Array(logits.length);
  softmaxInto(scaled, probabilities);
  return probabilities;
}

function meanNll(
  logits: readonly Float64Array[],
  labels: ArrayLike<number>,
  inverseTemperature: number,
): number {
  let total = 0;
  const probabilities = new Float64Array(logits[0].length);
  for (let i = 0; i < logits.length; i++) {
    const scaled = logits[i].map((z) => z * inverseTemperature);
    const logNormalizer = softmaxInto(scaled, probabilities);
    total += logNormalizer - scaled[labels[i]];
  }
  return total / logits.length;
}

/**
 * Expected calibration error over equal-width confidence bins: the gap between how sure the
 * model says it is and how often it is right, weighted by how many predictions fall in a bin.
 */
export function expectedCalibrationError(
  probabilities: readonly Float64Array[],
  labels: ArrayLike<number>,
  bins = 10,
): number {
  const count = new Float64Array(bins);
  const confidenceSum = new Float64Array(bins);
  const correctSum = new Float64Array(bins);
  probabilities.forEach((p, i) => {
    let best = 0;
    for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    const bin = Math.min(bins - 1, Math.floor(p[best] * bins));
    count[bin] += 1;
    confidenceSum[bin] += p[best];
    correctSum[bin] += best === labels[i] ? 1 : 0;
  });
  let error = 0;
  for (let bin = 0; bin < bins; bin++) {
    if (count[bin] > 0) error += Math.abs(confidenceSum[bin] - correctSum[bin]);
  }
  return probabilities.length === 0 ? 0 : error / probabilities.length;
}
