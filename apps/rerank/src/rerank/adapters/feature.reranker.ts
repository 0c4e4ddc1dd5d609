import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { extractFeatures, type FeatureVector } from '../features/feature-extractor';
import { querySignals } from '../features/query-signals';
import { type FeatureModel, loadFeatureModel } from '../model/feature-model';
import type { RerankCandidate, RerankQuery, Reranker } from '../reranker';

export const FEATURE_WEIGHTS_PATH = Symbol('FeatureWeightsPath');

/**
 * The embedded reranker: a linear model over features of the question and each candidate
 * (retrieval scores, named titles and entities, volume, edition, stock, genres, kind). The
 * weights come from a versioned JSON file, loaded before the service reports SERVING.
 */
@Injectable()
export class FeatureReranker implements Reranker, OnModuleInit {
  private readonly logger = new Logger(FeatureReranker.name);
  private model: FeatureModel | undefined;

  constructor(@Inject(FEATURE_WEIGHTS_PATH) private readonly weightsPath: string) {}

  async onModuleInit(): Promise<void> {
    this.model = await loadFeatureModel(this.weightsPath);
    this.logger.log(`loaded feature weights ${this.model.version} from ${this.weightsPath}`);
  }

  modelVersion(): string {
    return this.loaded().version;
  }

  async score(query: RerankQuery, candidates: readonly RerankCandidate[]): Promise<number[]> {
    const model = this.loaded();
    return this.features(query, candidates).map((features) => model.score(features));
  }

  /** The feature vectors the scores come from, for tests and offline training dumps. */
  features(query: RerankQuery, candidates: readonly RerankCandidate[]): FeatureVector[] {
    return extractFeatures(querySignals(query), candidates);
  }

  private loaded(): FeatureModel {
    if (!this.model) throw new Error('FeatureReranker used before onModuleInit loaded its weights');
    return this.model;
  }
}
