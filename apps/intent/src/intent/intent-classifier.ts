import type { ScoredLabel } from '../classifier/intent-model';
import type { TextPreprocessor } from '../classifier/text-preprocessor';

/** Stage 2 of Classify: calibrated probabilities of the intent labels for one message. */
export interface IntentClassifier {
  /** Reported as ClassifyResponse.model_version. */
  readonly version: string;
  /** Every label the classifier can answer, all of them intent labels. */
  readonly labels: readonly string[];
  /** Every label with its calibrated probability, best first. */
  predict(text: string): ScoredLabel[] | Promise<ScoredLabel[]>;
  /** For the start-up log: what the classifier measured about itself. */
  summary(): string;
  /** Frees native resources (an ONNX session) at shutdown. */
  close?(): Promise<void>;
}

/**
 * Where the classifier comes from: a saved model directory (the default), training at start, or
 * an ONNX model directory. Chosen by config at the module level.
 */
export interface ClassifierSource {
  /** The preprocessor masks catalog titles; backends that read raw text may ignore it. */
  load(preprocessor: TextPreprocessor): Promise<IntentClassifier>;
  /** For the start-up log: what is loaded from where. */
  describe(): string;
}

export const CLASSIFIER_SOURCE = Symbol('CLASSIFIER_SOURCE');
