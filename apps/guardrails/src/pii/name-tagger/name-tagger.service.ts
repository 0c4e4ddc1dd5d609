import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { loadNameExamples } from './labelled-names';
import { NameTagger } from './name-tagger';

export const NAME_TAGGER = Symbol('NAME_TAGGER');

export interface NameTaggerOptions {
  piiPath: string;
  shopperPath: string;
  threshold: number;
  enabled: boolean;
}

/**
 * Trains the name tagger at start from the labelled data in the repository (about a second,
 * deterministic), like the injection classifier: no artifact to keep in sync. Until it is
 * trained, and when disabled, PERSON detection runs on the context rules alone.
 */
@Injectable()
export class NameTaggerService implements OnModuleInit {
  private readonly logger = new Logger(NameTaggerService.name);
  private tagger?: NameTagger;

  constructor(private readonly options: NameTaggerOptions) {}

  async onModuleInit(): Promise<void> {
    if (!this.options.enabled) return;
    const started = Date.now();
    const examples = await loadNameExamples(this.options.piiPath, this.options.shopperPath);
    this.tagger = NameTagger.train(examples, this.options.threshold);
    const named = examples.filter((e) => e.names.length > 0).length;
    this.logger.log(
      `name tagger trained on ${examples.length} messages (${named} with names) in ${Date.now() - started} ms`,
    );
  }

  current(): NameTagger | undefined {
    return this.tagger;
  }
}
