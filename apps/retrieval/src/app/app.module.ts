import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { InvertedSearchIndex } from '../retrieval/adapters/inverted.search-index';
import { MiniSearchIndex } from '../retrieval/adapters/minisearch.search-index';
import {
  DEFAULT_OPENSEARCH_INDEX,
  DEFAULT_OPENSEARCH_URL,
  OpenSearchSearchIndex,
} from '../retrieval/adapters/opensearch.search-index';
import { embedderProvider } from '../retrieval/embeddings/embedder.provider';
import { RetrievalGrpcController } from '../retrieval/retrieval.grpc-controller';
import {
  type RetrievalSource,
  RetrievalService,
  STORE_PATHS,
} from '../retrieval/retrieval.service';
import { SEARCH_INDEX } from '../retrieval/search-index';
import type { RetrievalConfig } from './retrieval.config';

/** The SearchIndex adapter of the config; the ingest CLI and the benchmark use it too. */
export function searchIndexProvider(config: RetrievalConfig): Provider {
  switch (config.RETRIEVAL_INDEX) {
    case 'embedded':
      return { provide: SEARCH_INDEX, useClass: InvertedSearchIndex };
    case 'minisearch':
      return { provide: SEARCH_INDEX, useClass: MiniSearchIndex };
    case 'opensearch':
      return {
        provide: SEARCH_INDEX,
        useFactory: () =>
          new OpenSearchSearchIndex({
            url: config.OPENSEARCH_URL ?? DEFAULT_OPENSEARCH_URL,
            index: config.OPENSEARCH_INDEX ?? DEFAULT_OPENSEARCH_INDEX,
          }),
      };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: RetrievalConfig): DynamicModule {
    const paths: RetrievalSource = {
      catalogPath: config.CATALOG_PATH,
      policiesPath: config.POLICIES_PATH,
      snapshotPath: config.RETRIEVAL_SNAPSHOT_PATH,
    };
    return {
      module: AppModule,
      controllers: [RetrievalGrpcController],
      providers: [
        searchIndexProvider(config),
        embedderProvider(config),
        { provide: STORE_PATHS, useValue: paths },
        RetrievalService,
      ],
    };
  }
}
