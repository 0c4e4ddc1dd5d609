import { calibratedProbabilities } from './calibration';
import { featurize, type FeatureOptions } from './features';
import type { TextPreprocessor } from './text-preprocessor';

/** What a trained model measured about itself; saved in the artifact and logged at start. */
export interface ModelMetrics {
  trainExamples: number;
  devExamples: number;
  devAccuracy: number;
  devMacroF1: number;
  /** Mean negative log-likelihood on dev before and after temperature scaling. */
  devNllUncalibrated: number;
  devNll: number;
  /** Expected calibration error (10 bins) on dev after temperature scaling. */
  devEce: number;
  /** Mean training cross-entropy of the last epoch. */
  trainLoss: number;
  epochs: number;
  steps: number;
  trainingMs: number;
}

/** Everything needed to predict; the artifact is a rendering of these. */
export interface IntentModelParts {
  /** The classes, in weight-column order. */
  labels: readonly string[];
  /** Name of the TextPreprocessor the model was trained behind. */
  preprocessing: string;
  features: FeatureOptions;
  /** Hash buckets kept in training, ascending; a bucket's position is its weight row. */
  buckets: Int32Array;
  /** buckets.length x labels.length, bucket-major; float32 as saved. */
  weights: Float32Array;
  bias: Float32Array;
  temperature: number;
}

export interface ScoredLabel {
  label: string;
  probability: number;
}

/**
 * A trained, calibrated softmax text classifier: text in, labels with probabilities out, best
 * first. The labels are whatever it was trained on: our eleven intents in the service, the 151
 * CLINC150 classes or the 77 BANKING77 ones in the benchmarks.
 */
export class IntentModel {
  /** Weight row of every hash bucket, -1 for buckets unseen in training: an O(1) lookup. */
  private readonly rowOfBucket: Int32Array;
  private readonly numLabels: number;

  constructor(
    readonly parts: IntentModelParts,
    readonly version: string,
    readonly metrics: ModelMetrics,
    private readonly preprocessor: TextPreprocessor,
  ) {
    if (preprocessor.name !== parts.preprocessing) {
      throw new Error(
        `model was trained with preprocessing "${parts.preprocessing}" but is given "${preprocessor.name}"`,
      );
    }
    this.numLabels = parts.labels.length;
    if (parts.weights.length !== parts.buckets.length * this.numLabels) {
      throw new Error('weights must have buckets x labels entries');
    }
    this.rowOfBucket = new Int32Array(2 ** parts.features.hashBits).fill(-1);
    parts.buckets.forEach((bucket, row) => {
      if (bucket < 0 || bucket >= this.rowOfBucket.length) {
        throw new Error(`bucket ${bucket} is outside 2^${parts.features.hashBits}`);
      }
      this.rowOfBucket[bucket] = row;
    });
  }

  get labels(): readonly string[] {
    return this.parts.labels;
  }

  /** Uncalibrated class scores; buckets never seen in training carry no weight and are skipped. */
  logits(text: string): Float64Array {
    const { weights, bias, features } = this.parts;
    const K = this.numLabels;
    const vector = featurize(this.preprocessor.apply(text), features);
    const logits = Float64Array.from(bias);
    for (let i = 0; i < vector.indices.length; i++) {
      const row = this.rowOfBucket[vector.indices[i]];
      if (row < 0) continue;
      const value = vector.values[i];
      const base = row * K;
      for (let k = 0; k < K; k++) logits[k] += value * weights[base + k];
    }
    return logits;
  }

  /** Calibrated probabilities in label order. */
  probabilities(text: string): Float64Array {
    return calibratedProbabilities(this.logits(text), this.parts.temperature);
  }

  /** Calibrated probabilities of every label, best first. */
  predict(text: string): ScoredLabel[] {
    const probabilities = this.probabilities(text);
    return this.parts.labels
      .map((label, k) => ({ label, probability: probabilities[k] }))
      .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
  }
}
