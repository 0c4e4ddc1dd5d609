import type { ClassifyRequest } from '@mangaassist/contracts';
import { unavailable } from '@mangaassist/grpc';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { INTENT_CONFIG, type IntentConfig } from '../app/intent.config';
import { EntityExtractor } from '../entities/entity-extractor';
import { TitleIndex } from '../entities/title-index';
import { TitleExtractor } from '../entities/title.extractor';
import { titleMaskingPreprocessor } from '../entities/title-masking.preprocessor';
import { validateClassifyRequest } from './classify-request.validation';
import { IntentPipeline, type ClassifyReply } from './intent-pipeline';
import { MODEL_SOURCE, type ModelSource } from './model-source';

/**
 * Loads the model and the catalog titles before the service reports SERVING, then answers
 * Classify through the IntentPipeline.
 */
@Injectable()
export class IntentService implements OnModuleInit {
  private readonly logger = new Logger(IntentService.name);
  private pipeline?: IntentPipeline;

  constructor(
    @Inject(INTENT_CONFIG) private readonly config: IntentConfig,
    @Inject(MODEL_SOURCE) private readonly modelSource: ModelSource,
  ) {}

  async onModuleInit(): Promise<void> {
    // The catalog comes first: the model reads messages with the catalog's titles masked.
    const snapshot = await loadStoreSnapshot({ catalogPath: this.config.INTENT_CATALOG_PATH });
    for (const { file, errors } of snapshot.errors) {
      this.logger.warn(
        `${file}: ${errors.length} bad line(s) skipped, first: line ${errors[0].line}: ${errors[0].reason}`,
      );
    }
    const titles = new TitleIndex(snapshot.items);
    const titleExtractor = new TitleExtractor(titles);
    const model = await this.modelSource.load(titleMaskingPreprocessor(titleExtractor));
    this.pipeline = new IntentPipeline(model, new EntityExtractor(titleExtractor), {
      minConfidence: this.config.INTENT_MIN_CONFIDENCE,
    });
    const m = model.metrics;
    this.logger.log(
      `model ${model.version} ${this.modelSource.describe()}: ${m.trainExamples} training examples, ` +
        `dev accuracy ${m.devAccuracy.toFixed(3)} (macro-F1 ${m.devMacroF1.toFixed(3)}, ${m.devExamples} examples), ` +
        `dev ECE ${m.devEce.toFixed(3)}, temperature ${model.parts.temperature.toFixed(3)}, ` +
        `training ${m.trainingMs} ms`,
    );
    this.logger.log(`${snapshot.items.length} catalog series, ${titles.byKey.size} title keys`);
  }

  classify(request: ClassifyRequest): ClassifyReply {
    validateClassifyRequest(request);
    if (!this.pipeline) throw unavailable('intent model is still loading');
    return this.pipeline.classify(request.text, request.locale);
  }
}
