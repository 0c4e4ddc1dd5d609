import type { IntentModel } from '../classifier/intent-model';
import type { TextPreprocessor } from '../classifier/text-preprocessor';

/** Where the classifier comes from: trained at start from labelled data, or a saved artifact. */
export interface ModelSource {
  /** The preprocessor runs before featurization, in training and prediction alike. */
  load(preprocessor: TextPreprocessor): Promise<IntentModel>;
  /** For the start-up log: what was loaded from where. */
  describe(): string;
}

export const MODEL_SOURCE = Symbol('MODEL_SOURCE');
