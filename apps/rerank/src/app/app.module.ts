import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import {
  CROSS_ENCODER_DIR,
  CrossEncoderOnnxReranker,
} from '../rerank/adapters/cross-encoder-onnx.reranker';
import { FEATURE_WEIGHTS_PATH, FeatureReranker } from '../rerank/adapters/feature.reranker';
import { RerankGrpcController } from '../rerank/rerank.grpc-controller';
import { RerankService } from '../rerank/rerank.service';
import { RERANKER } from '../rerank/reranker';
import { type RerankConfig, featureWeightsPath } from './rerank.config';

function rerankerProviders(config: RerankConfig): Provider[] {
  switch (config.RERANK_MODEL) {
    case 'feature':
      return [
        { provide: FEATURE_WEIGHTS_PATH, useValue: featureWeightsPath(config) },
        { provide: RERANKER, useClass: FeatureReranker },
      ];
    case 'cross-encoder':
      return [
        { provide: CROSS_ENCODER_DIR, useValue: config.RERANK_CROSS_ENCODER_DIR },
        { provide: RERANKER, useClass: CrossEncoderOnnxReranker },
      ];
  }
}

@Module({})
export class AppModule {
  static forConfig(config: RerankConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [RerankGrpcController],
      providers: [...rerankerProviders(config), RerankService],
    };
  }
}
