import type { IntentModel } from '../../classifier/intent-model';
import { loadModelArtifact } from '../../classifier/model-artifact';
import type { TextPreprocessor } from '../../classifier/text-preprocessor';
import type { ModelSource } from '../model-source';

/** Loads a model saved by saveModelArtifact (a training CLI), skipping training at start. */
export class ArtifactFileModelSource implements ModelSource {
  constructor(private readonly path: string) {}

  load(preprocessor: TextPreprocessor): Promise<IntentModel> {
    return loadModelArtifact(this.path, preprocessor);
  }

  describe(): string {
    return `loaded from ${this.path}`;
  }
}
