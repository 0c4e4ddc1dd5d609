import { type DynamicModule, Module } from '@nestjs/common';
import { IntentGrpcController } from '../intent/intent.grpc-controller';
import { IntentService } from '../intent/intent.service';
import { CLASSIFIER_SOURCE } from '../intent/intent-classifier';
import { classifierSourceFor } from './classifier-source.factory';
import { INTENT_CONFIG, type IntentConfig } from './intent.config';

@Module({})
export class AppModule {
  static forConfig(config: IntentConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [IntentGrpcController],
      providers: [
        { provide: INTENT_CONFIG, useValue: config },
        { provide: CLASSIFIER_SOURCE, useValue: classifierSourceFor(config) },
        IntentService,
      ],
    };
  }
}
