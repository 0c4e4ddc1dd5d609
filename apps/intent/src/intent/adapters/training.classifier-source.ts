import {
  DEFAULT_TRAINING_OPTIONS,
  trainIntentModel,
  type IntentTrainingOptions,
} from '../../classifier/intent-training';
import { loadLabelledExamples } from '../../classifier/labelled-examples';
import type { TextPreprocessor } from '../../classifier/text-preprocessor';
import type { ClassifierSource, IntentClassifier } from '../intent-classifier';
import { BuiltinIntentClassifier } from './builtin-intent-classifier';

/** Trains the built-in classifier from labelled JSONL files at start (seconds on ~3k examples). */
export class TrainingClassifierSource implements ClassifierSource {
  constructor(
    private readonly trainPath: string,
    private readonly devPath: string,
    private readonly options: IntentTrainingOptions = DEFAULT_TRAINING_OPTIONS,
  ) {}

  async load(preprocessor: TextPreprocessor): Promise<IntentClassifier> {
    const [train, dev] = await Promise.all([
      loadLabelledExamples(this.trainPath),
      loadLabelledExamples(this.devPath),
    ]);
    return new BuiltinIntentClassifier(trainIntentModel(train, dev, this.options, preprocessor));
  }

  describe(): string {
    return `trained at start on ${this.trainPath}, calibrated on ${this.devPath}`;
  }
}
