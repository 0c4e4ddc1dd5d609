import { unavailable } from '@mangaassist/grpc';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectionClassifier, type InjectionScorer } from './injection-classifier';
import { loadInjectionExamples } from './labelled-injection-examples';

export const INJECTION_MODEL = Symbol('INJECTION_MODEL');

/**
 * Trains the injection classifier at start (a few hundred milliseconds on ~2,000 examples,
 * deterministic), so the model always matches the labelled data in the repository and there
 * is no artifact to keep in sync. The health check turns SERVING after this.
 */
@Injectable()
export class InjectionModelService implements OnModuleInit {
  private readonly logger = new Logger(InjectionModelService.name);
  private classifier?: InjectionClassifier;

  constructor(private readonly trainPath: string) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    const examples = await loadInjectionExamples(this.trainPath);
    this.classifier = InjectionClassifier.train(examples);
    const attacks = examples.filter((e) => e.label === 'attack').length;
    this.logger.log(
      `injection classifier trained on ${examples.length} examples (${attacks} attacks) in ${Date.now() - started} ms`,
    );
  }

  current(): InjectionScorer {
    if (!this.classifier) throw unavailable('guardrails: injection classifier is still training');
    return this.classifier;
  }
}
