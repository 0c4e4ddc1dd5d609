import type { IntentModel } from '../../classifier/intent-model';
import {
  DEFAULT_TRAINING_OPTIONS,
  trainIntentModel,
  type IntentTrainingOptions,
} from '../../classifier/intent-training';
import { loadLabelledExamples } from '../../classifier/labelled-examples';
import type { TextPreprocessor } from '../../classifier/text-preprocessor';
import type { ModelSource } from '../model-source';

/** Trains the classifier from the labelled JSONL files; takes seconds on ~1,000 examples. */
export class TrainingModelSource implements ModelSource {
  constructor(
    private readonly trainPath: string,
    private readonly devPath: string,
    private readonly options: IntentTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  ) {}

  async load(preprocessor: TextPreprocessor): Promise<IntentModel> {
    const [train, dev] = await Promise.all([
      loadLabelledExamples(this.trainPath),
      loadLabelledExamples(this.devPath),
    ]);
    return trainIntentModel(train, dev, this.options, preprocessor);
  }

  describe(): string {
    return `trained on ${this.trainPath}, calibrated on ${this.devPath}`;
  }
}
