import { SeededRandom } from './seeded-random';
import { softmaxInto, type SoftmaxTrainingSet, type SoftmaxWeights } from './softmax-regression';

export interface AdamTrainingOptions {
  epochs: number;
  batchSize: number;
  /** Peak learning rate; it decays linearly to zero over the last half of training. */
  learningRate: number;
  /** Decoupled weight decay (AdamW): each step shrinks weights by learningRate * weightDecay. */
  weightDecay: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Seed of the example order. */
  seed: number;
}

export const DEFAULT_ADAM_OPTIONS: AdamTrainingOptions = {
  epochs: 10,
  batchSize: 32,
  learningRate: 0.02,
  weightDecay: 0.001,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  seed: 0x5eed,
};

export interface EpochReport {
  epoch: number;
  epochs: number;
  /** Mean training cross-entropy over the epoch, measured before each batch's update. */
  loss: number;
  /** Share of training examples the model got right before each batch's update. */
  accuracy: number;
  elapsedMs: number;
}

export interface AdamTrainingResult {
  model: SoftmaxWeights;
  loss: number;
  steps: number;
}

/**
 * Softmax regression by mini-batch AdamW with sparse ("lazy") updates: a batch touches only the
 * weight rows of the features its examples contain, so a step costs O(batch nonzeros x classes)
 * whatever the vocabulary size, which is what makes 15k examples x 151 classes train in seconds.
 * Moments of untouched rows are left as they are (LazyAdam); their weight decay is caught up
 * exactly, from a running product of the per-step decay factors, when they are next touched.
 * The example order comes from a seeded shuffle, so the same seed gives identical weights.
 */
export function trainSoftmaxAdam(
  set: SoftmaxTrainingSet,
  options: AdamTrainingOptions = DEFAULT_ADAM_OPTIONS,
  onEpoch?: (report: EpochReport) => void,
): AdamTrainingResult {
  const { rows, labels, numFeatures: F, numClasses: K } = set;
  if (rows.length === 0) throw new Error('cannot train on an empty training set');
  const started = Date.now();
  const weights = new Float64Array(F * K);
  const firstMoment = new Float64Array(F * K);
  const secondMoment = new Float64Array(F * K);
  const bias = new Float64Array(K);
  const biasFirst = new Float64Array(K);
  const biasSecond = new Float64Array(K);
  const batchesPerEpoch = Math.ceil(rows.length / options.batchSize);
  const totalSteps = batchesPerEpoch * options.epochs;
  const rateAt = learningRateSchedule(options.learningRate, totalSteps);
  // logDecay[t] = sum over steps s <= t of log(1 - rate(s) * weightDecay).
  const logDecay = new Float64Array(totalSteps + 1);
  for (let t = 1; t <= totalSteps; t++) {
    logDecay[t] = logDecay[t - 1] + Math.log(1 - rateAt(t) * options.weightDecay);
  }
  const lastStep = new Int32Array(F);
  const slotOf = new Int32Array(F).fill(-1);
  const touched: number[] = [];
  let gradient = new Float64Array(64 * K);
  const biasGradient = new Float64Array(K);
  const logits = new Float64Array(K);
  const probabilities = new Float64Array(K);
  const order = Array.from(rows, (_, i) => i);
  const random = new SeededRandom(options.seed);
  let step = 0;
  let lastLoss = 0;

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    random.shuffle(order);
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < order.length; start += options.batchSize) {
      const end = Math.min(order.length, start + options.batchSize);
      const scale = 1 / (end - start);
      touched.length = 0;
      biasGradient.fill(0);
      for (let b = start; b < end; b++) {
        const { columns, values } = rows[order[b]];
        const gold = labels[order[b]];
        for (let k = 0; k < K; k++) logits[k] = bias[k];
        for (let j = 0; j < columns.length; j++) {
          const base = columns[j] * K;
          const value = values[j];
          for (let k = 0; k < K; k++) logits[k] += value * weights[base + k];
        }
        const logNormalizer = softmaxInto(logits, probabilities);
        lossSum += logNormalizer - logits[gold];
        let best = 0;
        for (let k = 1; k < K; k++) if (logits[k] > logits[best]) best = k;
        if (best === gold) correct += 1;
        probabilities[gold] -= 1;
        for (let k = 0; k < K; k++) biasGradient[k] += probabilities[k] * scale;
        for (let j = 0; j < columns.length; j++) {
          const column = columns[j];
          let slot = slotOf[column];
          if (slot < 0) {
            slot = touched.length;
            slotOf[column] = slot;
            touched.push(column);
            if ((slot + 1) * K > gradient.length) {
              const grown = new Float64Array(gradient.length * 2);
              grown.set(gradient);
              gradient = grown;
            }
            gradient.fill(0, slot * K, (slot + 1) * K);
          }
          const scaled = values[j] * scale;
          const base = slot * K;
          for (let k = 0; k < K; k++) gradient[base + k] += scaled * probabilities[k];
        }
      }
      step += 1;
      const rate = rateAt(step);
      const correction1 = 1 - options.beta1 ** step;
      const correction2 = 1 - options.beta2 ** step;
      const stepSize = (rate * Math.sqrt(correction2)) / correction1;
      for (let s = 0; s < touched.length; s++) {
        const column = touched[s];
        slotOf[column] = -1;
        const decay = Math.exp(logDecay[step] - logDecay[lastStep[column]]);
        lastStep[column] = step;
        const base = column * K;
        const gradientBase = s * K;
        for (let k = 0; k < K; k++) {
          const i = base + k;
          const g = gradient[gradientBase + k];
          firstMoment[i] = options.beta1 * firstMoment[i] + (1 - options.beta1) * g;
          secondMoment[i] = options.beta2 * secondMoment[i] + (1 - options.beta2) * g * g;
          weights[i] =
            weights[i] * decay -
            (stepSize * firstMoment[i]) / (Math.sqrt(secondMoment[i]) + options.epsilon);
        }
      }
      // The bias is not decayed: it carries the class priors, not evidence from features.
      for (let k = 0; k < K; k++) {
        const g = biasGradient[k];
        biasFirst[k] = options.beta1 * biasFirst[k] + (1 - options.beta1) * g;
        biasSecond[k] = options.beta2 * biasSecond[k] + (1 - options.beta2) * g * g;
        bias[k] -= (stepSize * biasFirst[k]) / (Math.sqrt(biasSecond[k]) + options.epsilon);
      }
    }
    lastLoss = lossSum / rows.length;
    onEpoch?.({
      epoch,
      epochs: options.epochs,
      loss: lastLoss,
      accuracy: correct / rows.length,
      elapsedMs: Date.now() - started,
    });
  }
  catchUpDecay(weights, lastStep, logDecay, step, K);
  return {
    model: { numFeatures: F, numClasses: K, weights, bias },
    loss: lastLoss,
    steps: step,
  };
}

/** Applies the weight decay every row has missed since it was last touched, up to `step`. */
function catchUpDecay(
  weights: Float64Array,
  lastStep: Int32Array,
  logDecay: Float64Array,
  step: number,
  K: number,
): void {
  for (let column = 0; column < lastStep.length; column++) {
    const decay = Math.exp(logDecay[step] - logDecay[lastStep[column]]);
    lastStep[column] = step;
    if (decay === 1) continue;
    const base = column * K;
    for (let k = 0; k < K; k++) weights[base + k] *= decay;
  }
}

/** Constant for the first half, then linear decay to zero: settles the weights at the end. */
function learningRateSchedule(peak: number, totalSteps: number): (step: number) => number {
  const half = totalSteps / 2;
  return (step) =>
    step <= half ? peak : (peak * (totalSteps - step + 1)) / (totalSteps - half + 1);
}
