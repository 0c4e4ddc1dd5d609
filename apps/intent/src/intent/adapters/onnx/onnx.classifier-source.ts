import type { TextPreprocessor } from '../../../classifier/text-preprocessor';
import type { ClassifierSource, IntentClassifier } from '../../intent-classifier';
import { OnnxIntentClassifier } from './onnx-intent-classifier';

/**
 * INTENT_BACKEND=onnx: a fine-tuned transformer from INTENT_ONNX_DIR. It reads the message as
 * written (a transformer was fine-tuned on raw text), so the title-masking preprocessor is not
 * applied; entities still come from the catalog.
 */
export class OnnxClassifierSource implements ClassifierSource {
  constructor(private readonly dir: string) {}

  load(_preprocessor: TextPreprocessor): Promise<IntentClassifier> {
    return OnnxIntentClassifier.load(this.dir);
  }

  describe(): string {
    return `ONNX model from ${this.dir}`;
  }
}
