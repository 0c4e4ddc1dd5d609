import type { ClassifyRequest } from '@mangaassist/contracts';
import { unavailable } from '@mangaassist/grpc';
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { INTENT_CONFIG, type IntentConfig } from '../app/intent.config';
import { validateClassifyRequest } from './classify-request.validation';
import {
  CLASSIFIER_SOURCE,
  type ClassifierSource,
  type IntentClassifier,
} from './intent-classifier';
import type { ClassifyReply, IntentPipeline } from './intent-pipeline';
import { loadIntentRuntime } from './intent-runtime';

/**
 * Loads the classifier and the catalog titles before the service reports SERVING, then answers
 * Classify through the IntentPipeline.
 */
@Injectable()
export class IntentService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IntentService.name);
  private pipeline?: IntentPipeline;
  private classifier?: IntentClassifier;

  constructor(
    @Inject(INTENT_CONFIG) private readonly config: IntentConfig,
    @Inject(CLASSIFIER_SOURCE) private readonly source: ClassifierSource,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    const runtime = await loadIntentRuntime(
      {
        catalogPath: this.config.INTENT_CATALOG_PATH,
        minConfidence: this.config.INTENT_MIN_CONFIDENCE,
      },
      this.source,
    );
    for (const warning of runtime.warnings) this.logger.warn(warning);
    this.pipeline = runtime.pipeline;
    this.classifier = runtime.classifier;
    this.logger.log(
      `${runtime.classifier.summary()}; ${this.source.describe()} in ${Date.now() - started} ms`,
    );
    this.logger.log(`${runtime.catalogSeries} catalog series, ${runtime.titleKeys} title keys`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.classifier?.close?.();
  }

  classify(request: ClassifyRequest): Promise<ClassifyReply> {
    validateClassifyRequest(request);
    if (!this.pipeline) throw unavailable('intent model is still loading');
    return this.pipeline.classify(request.text, request.locale);
  }
}
