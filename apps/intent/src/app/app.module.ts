import { type DynamicModule, Module } from '@nestjs/common';
import { ArtifactFileModelSource } from '../intent/adapters/artifact-file.model-source';
import { TrainingModelSource } from '../intent/adapters/training.model-source';
import { IntentGrpcController } from '../intent/intent.grpc-controller';
import { IntentService } from '../intent/intent.service';
import { MODEL_SOURCE, type ModelSource } from '../intent/model-source';
import { INTENT_CONFIG, type IntentConfig } from './intent.config';

@Module({})
export class AppModule {
  static forConfig(config: IntentConfig): DynamicModule {
    // A saved artifact, when configured, replaces training at start.
    const modelSource: ModelSource = config.INTENT_MODEL_PATH
      ? new ArtifactFileModelSource(config.INTENT_MODEL_PATH)
      : new TrainingModelSource(config.INTENT_TRAIN_PATH, config.INTENT_DEV_PATH);
    return {
      module: AppModule,
      controllers: [IntentGrpcController],
      providers: [
        { provide: INTENT_CONFIG, useValue: config },
        { provide: MODEL_SOURCE, useValue: modelSource },
        IntentService,
      ],
    };
  }
}
