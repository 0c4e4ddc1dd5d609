import { type DynamicModule, Module } from '@nestjs/common';
import { StoreSnapshotCatalogSource } from '../catalog/adapters/store-snapshot.catalog-source';
import { CATALOG_SOURCE } from '../catalog/catalog-source';
import {
  CATALOG_VOCABULARY,
  CatalogVocabularyService,
} from '../catalog/catalog-vocabulary.service';
import { GUARDRAILS_ENGINE, GuardrailsEngine } from '../guardrails/guardrails-engine.service';
import { GuardrailsGrpcController } from '../guardrails/guardrails.grpc-controller';
import { INJECTION_MODEL, InjectionModelService } from '../injection/injection-model.service';
import { NAME_TAGGER, NameTaggerService } from '../pii/name-tagger/name-tagger.service';
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
          provide: INJECTION_MODEL,
          useFactory: () => new InjectionModelService(config.GUARDRAILS_INJECTION_TRAIN_PATH),
        },
        {
          provide: NAME_TAGGER,
          useFactory: () =>
            new NameTaggerService({
              piiPath: config.GUARDRAILS_PII_TRAIN_PATH,
              shopperPath: config.GUARDRAILS_INJECTION_TRAIN_PATH,
              threshold: config.GUARDRAILS_NAME_TAGGER_THRESHOLD,
              enabled: config.GUARDRAILS_NAME_TAGGER === 'on',
            }),
        },
        {
          provide: GUARDRAILS_ENGINE,
          inject: [CATALOG_VOCABULARY, INJECTION_MODEL, NAME_TAGGER],
          useFactory: (
            vocabulary: CatalogVocabularyService,
            injection: InjectionModelService,
            names: NameTaggerService,
          ) =>
            new GuardrailsEngine({
              vocabulary: () => vocabulary.current(),
              injection: () => injection.current(),
              names: () => names.current(),
              grounding: {
                warnBelow: config.GUARDRAILS_GROUNDING_WARN_BELOW,
                blockBelow: config.GUARDRAILS_GROUNDING_BLOCK_BELOW,
              },
              injectionThresholds: {
                warnAt: config.GUARDRAILS_INJECTION_WARN_AT,
                blockAt: config.GUARDRAILS_INJECTION_BLOCK_AT,
              },
            }),
        },
      ],
    };
  }
}
