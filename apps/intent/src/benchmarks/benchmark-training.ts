import { classificationReport } from '../classifier/classification-metrics';
import {
  DEFAULT_TRAINING_OPTIONS,
  trainIntentModel,
  type IntentTrainingOptions,
} from '../classifier/intent-training';
import type { IntentModel } from '../classifier/intent-model';
import type { EpochReport } from '../classifier/softmax-adam-training';
import type { ScoredPrediction } from './oos-threshold';
import type { TextExample } from './text-example';

export type Progress = (line: string) => void;

/**
 * Trains the production classifier code (same features, optimizer and calibration as our own
 * intent model) on a benchmark's train split and fits its temperature on the validation split.
 * Catalog title masking is the one step left out: it is about manga titles, not the classifier.
 */
export function trainOnBenchmark(
  train: readonly TextExample[],
  val: readonly TextExample[],
  options: IntentTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  progress: Progress = () => undefined,
): IntentModel {
  const labels = [...new Set(train.map((e) => e.label))].sort();
  const unknown = [...new Set(val.map((e) => e.label))].filter((l) => !labels.includes(l));
  if (unknown.length > 0) {
    throw new Error(`validation labels missing from train: ${unknown.slice(0, 5).join(', ')}`);
  }
  progress(`training on ${train.length} examples, ${labels.length} labels`);
  const toExample = (e: TextExample) => ({ text: e.text, intent: e.label });
  return trainIntentModel(train.map(toExample), val.map(toExample), options, undefined, {
    labels,
    onEpoch: (r: EpochReport, run: number, runs: number) =>
      progress(
        `model ${run}/${runs}, epoch ${r.epoch}/${r.epochs}: loss ${r.loss.toFixed(4)}, train accuracy ${r.accuracy.toFixed(4)}, ${(r.elapsedMs / 1000).toFixed(1)} s`,
      ),
  });
}

export function scorePredictions(
  model: IntentModel,
  examples: readonly TextExample[],
): ScoredPrediction[] {
  return examples.map((example) => {
    const probabilities = model.probabilities(example.text);
    let best = 0;
    for (let k = 1; k < probabilities.length; k++) {
      if (probabilities[k] > probabilities[best]) best = k;
    }
    return {
      gold: example.label,
      best: model.labels[best],
      probability: probabilities[best],
    };
  });
}

export function accuracyOf(predictions: readonly ScoredPrediction[]) {
  return classificationReport(
    predictions.map((p) => p.gold),
    predictions.map((p) => p.best),
  );
}

export const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
