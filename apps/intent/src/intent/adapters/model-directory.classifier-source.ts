import { loadModelArtifact } from '../../classifier/model-artifact';
import type { TextPreprocessor } from '../../classifier/text-preprocessor';
import type { ClassifierSource, IntentClassifier } from '../intent-classifier';
import { assertIntentLabels } from '../intent-labels';
import { BuiltinIntentClassifier } from './builtin-intent-classifier';

/** Loads a model directory written by `npm run intent:train` (models/intent/<version>). */
export class ModelDirectoryClassifierSource implements ClassifierSource {
  constructor(private readonly dir: string) {}

  async load(preprocessor: TextPreprocessor): Promise<IntentClassifier> {
    const model = await loadModelArtifact(this.dir, preprocessor);
    assertIntentLabels(model.labels, this.dir);
    return new BuiltinIntentClassifier(model);
  }

  describe(): string {
    return `loaded from ${this.dir}`;
  }
}
