import { unavailable } from '@mangaassist/grpc';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CATALOG_SOURCE, type CatalogSource } from './catalog-source';
import { CatalogVocabulary } from './catalog-vocabulary';

export const CATALOG_VOCABULARY = Symbol('CATALOG_VOCABULARY');

/** Loads the catalog's names once at start; the health check turns SERVING after this. */
@Injectable()
export class CatalogVocabularyService implements OnModuleInit {
  private readonly logger = new Logger(CatalogVocabularyService.name);
  private vocabulary?: CatalogVocabulary;

  constructor(@Inject(CATALOG_SOURCE) private readonly source: CatalogSource) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    const items = await this.source.loadItems();
    this.vocabulary = CatalogVocabulary.fromItems(items);
    this.logger.log(
      `catalog vocabulary of ${items.length} items ready in ${Date.now() - started} ms`,
    );
  }

  current(): CatalogVocabulary {
    if (!this.vocabulary) throw unavailable('guardrails: catalog vocabulary is still loading');
    return this.vocabulary;
  }
}
