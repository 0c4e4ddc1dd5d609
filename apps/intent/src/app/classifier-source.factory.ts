import { ModelDirectoryClassifierSource } from '../intent/adapters/model-directory.classifier-source';
import { OnnxClassifierSource } from '../intent/adapters/onnx/onnx.classifier-source';
import { TrainingClassifierSource } from '../intent/adapters/training.classifier-source';
import type { ClassifierSource } from '../intent/intent-classifier';
import { modelDirectory, type IntentConfig } from './intent.config';

/** The classifier backend named by config: ONNX, training at start, or a model directory. */
export function classifierSourceFor(config: IntentConfig): ClassifierSource {
  if (config.INTENT_BACKEND === 'onnx' && config.INTENT_ONNX_DIR !== undefined) {
    return new OnnxClassifierSource(config.INTENT_ONNX_DIR);
  }
  if (config.INTENT_TRAIN_AT_START) {
    return new TrainingClassifierSource(config.INTENT_TRAIN_PATH, config.INTENT_DEV_PATH);
  }
  return new ModelDirectoryClassifierSource(modelDirectory(config));
}
