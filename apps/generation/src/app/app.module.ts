import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { LocalComposerProvider } from '../generation/adapters/local-composer.provider';
import { ANSWER_PROVIDER } from '../generation/answer-provider';
import { GenerationGrpcController } from '../generation/generation.grpc-controller';
import { GenerationService } from '../generation/generation.service';
import type { GenerationConfig } from './generation.config';

function answerProvider(config: GenerationConfig): Provider {
  switch (config.GENERATION_PROVIDER) {
    case 'local':
      return { provide: ANSWER_PROVIDER, useClass: LocalComposerProvider };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: GenerationConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [GenerationGrpcController],
      providers: [answerProvider(config), GenerationService],
    };
  }
}
