import { calibratedProbabilities } from './calibration';
import { featurize, type FeatureOptions } from './features';
import { softmaxLogits, type SoftmaxWeights } from './softmax-regression';
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
  iterations: number;
  trainingMs: number;
}

/** Everything needed to predict; the artifact is a JSON rendering of these. */
export interface IntentModelParts {
  labels: readonly string[];
  /** Name of the TextPreprocessor the model was trained behind. */
  preprocessing: string;
  features: FeatureOptions;
  /** Hash buckets seen in training, ascending; a bucket's position is its weight row. */
  buckets: Int32Array;
  /** buckets.length x labels.length, bucket-major. */
  weights: Float64Array;
  bias: Float64Array;
  temperature: number;
}

export interface ScoredLabel {
  label: string;
  probability: number;
}

/** A trained, calibrated intent classifier: text in, labels with probabilities out, best first. */
export class IntentModel {
  private readonly rowOfBucket: Map<number, number>;
  private readonly softmax: SoftmaxWeights;

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
    this.rowOfBucket = new Map(Array.from(parts.buckets, (bucket, row) => [bucket, row]));
    this.softmax = {
      numFeatures: parts.buckets.length,
      numClasses: parts.labels.length,
      weights: parts.weights,
      bias: parts.bias,
    };
  }

  get labels(): readonly string[] {
    return this.parts.labels;
  }

  /** Uncalibrated class scores; buckets never seen in training carry no weight and are skipped. */
  logits(text: string): Float64Array {
    const vector = featurize(this.preprocessor.apply(text), this.parts.features);
    const columns: number[] = [];
    const values: number[] = [];
    vector.indices.forEach((bucket, i) => {
      const row = this.rowOfBucket.get(bucket);
      if (row !== undefined) {
        columns.push(row);
        values.push(vector.values[i]);
      }
    });
    return softmaxLogits(this.softmax, {
      columns: Int32Array.from(columns),
      values: Float64Array.from(values),
    });
  }

  /** Calibrated probabilities of every label, best first. */
  predict(text: string): ScoredLabel[] {
    const probabilities = calibratedProbabilities(this.logits(text), this.parts.temperature);
    return this.parts.labels
      .map((label, k) => ({ label, probability: probabilities[k] }))
      .sort((a, b) => b.probability - a.probability || a.label.localeCompare(b.label));
  }
}
