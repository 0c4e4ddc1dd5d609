import { InjectionClassifier } from './injection-classifier';
import type { InjectionExample } from './labelled-injection-examples';
import {
  DEFAULT_TRAINING_OPTIONS,
  seededRandom,
  type TrainingOptions,
} from './logistic-regression';

/**
 * Out-of-fold attack probabilities: each example is scored by a model trained on the other
 * folds. Folds are stratified by label and drawn with a fixed seed. This is how the default
 * thresholds are chosen without touching the held-out dev set.
 */
export function outOfFoldScores(
  examples: readonly InjectionExample[],
  folds = 5,
  options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
): number[] {
  const random = seededRandom(options.seed ^ 0x5bd1e995);
  const fold = new Array<number>(examples.length);
  for (const label of ['attack', 'benign'] as const) {
    const members = examples.flatMap((e, i) => (e.label === label ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((index, position) => (fold[index] = position % folds));
  }
  const scores = new Array<number>(examples.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = InjectionClassifier.train(
      examples.filter((_, i) => fold[i] !== k),
      options,
    );
    examples.forEach((example, i) => {
      if (fold[i] === k) scores[i] = model.scoreText(example.text);
    });
  }
  return scores;
}

export interface OperatingPoint {
  /** Flag when the probability is at or above this. */
  threshold: number;
  recall: number;
  falsePositiveRate: number;
}

/** Recall and false-positive rate of flagging every score at or above `threshold`. */
export function operatingPoint(
  scores: readonly number[],
  attacks: readonly boolean[],
  threshold: number,
): OperatingPoint {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  scores.forEach((score, i) => {
    if (attacks[i]) positives += 1;
    if (score >= threshold) {
      if (attacks[i]) tp += 1;
      else fp += 1;
    }
  });
  const negatives = scores.length - positives;
  return {
    threshold,
    recall: positives === 0 ? 0 : tp / positives,
    falsePositiveRate: negatives === 0 ? 0 : fp / negatives,
  };
}

/**
 * The lowest threshold (most recall) whose false-positive rate stays at or below `maxFpr`,
 * placed halfway between the last benign score it must exceed and the next score up.
 */
export function thresholdForFpr(
  scores: readonly number[],
  attacks: readonly boolean[],
  maxFpr: number,
): OperatingPoint {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best = operatingPoint(scores, attacks, Number.POSITIVE_INFINITY);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const point = operatingPoint(scores, attacks, candidates[i]);
    if (point.falsePositiveRate > maxFpr) break;
    const below = i > 0 ? candidates[i - 1] : 0;
    best = { ...point, threshold: (below + candidates[i]) / 2 };
  }
  return best;
}
