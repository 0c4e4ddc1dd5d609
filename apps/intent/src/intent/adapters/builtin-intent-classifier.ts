import type { IntentModel, ScoredLabel } from '../../classifier/intent-model';
import type { IntentClassifier } from '../intent-classifier';

/** The built-in softmax model behind the IntentClassifier port. */
export class BuiltinIntentClassifier implements IntentClassifier {
  constructor(readonly model: IntentModel) {}

  get version(): string {
    return this.model.version;
  }

  get labels(): readonly string[] {
    return this.model.labels;
  }

  predict(text: string): ScoredLabel[] {
    return this.model.predict(text);
  }

  summary(): string {
    const m = this.model.metrics;
    return (
      `model ${this.model.version}: ${m.trainExamples} training examples, ` +
      `dev accuracy ${m.devAccuracy.toFixed(3)} (macro-F1 ${m.devMacroF1.toFixed(3)}, ${m.devExamples} examples), ` +
      `dev ECE ${m.devEce.toFixed(3)}, temperature ${this.model.parts.temperature.toFixed(3)}`
    );
  }
}
