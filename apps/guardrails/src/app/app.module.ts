import { type DynamicModule, Module } from '@nestjs/common';
import { StoreSnapshotCatalogSource } from '../catalog/adapters/store-snapshot.catalog-source';
import { CATALOG_SOURCE } from '../catalog/catalog-source';
import {
  CATALOG_VOCABULARY,
  CatalogVocabularyService,
} from '../catalog/catalog-vocabulary.service';
import { GUARDRAILS_ENGINE, GuardrailsEngine } from '../guardrails/guardrails-engine.service';
import { GuardrailsGrpcController } from '../guardrails/guardrails.grpc-controller';
import type { GuardrailsConfig } from './guardrails.config';

export const GUARDRAILS_CONFIG = Symbol('GUARDRAILS_CONFIG');

@Module({})
export class AppModule {
  static forConfig(config: GuardrailsConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [GuardrailsGrpcController],
      providers: [
        { provide: GUARDRAILS_CONFIG, useValue: config },
        {
          provide: CATALOG_SOURCE,
          useFactory: () =>
            new StoreSnapshotCatalogSource(
              config.GUARDRAILS_CATALOG_PATH,
              config.GUARDRAILS_POLICIES_PATH,
            ),
        },
        { provide: CATALOG_VOCABULARY, useClass: CatalogVocabularyService },
        {
          provide: GUARDRAILS_ENGINE,
          inject: [CATALOG_VOCABULARY],
          useFactory: (vocabulary: CatalogVocabularyService) =>
            new GuardrailsEngine(() => vocabulary.current(), {
              warnBelow: config.GUARDRAILS_GROUNDING_WARN_BELOW,
              blockBelow: config.GUARDRAILS_GROUNDING_BLOCK_BELOW,
            }),
        },
      ],
    };
  }
}
