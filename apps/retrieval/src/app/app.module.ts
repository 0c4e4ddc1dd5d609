import type { StorePaths } from '@mangaassist/store-data';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { MiniSearchIndex } from '../retrieval/adapters/minisearch.search-index';
import { RetrievalGrpcController } from '../retrieval/retrieval.grpc-controller';
import { RetrievalService, STORE_PATHS } from '../retrieval/retrieval.service';
import { SEARCH_INDEX } from '../retrieval/search-index';
import type { RetrievalConfig } from './retrieval.config';

function searchIndexProvider(config: RetrievalConfig): Provider {
  switch (config.RETRIEVAL_INDEX) {
    case 'embedded':
      return { provide: SEARCH_INDEX, useClass: MiniSearchIndex };
  }
}

@Module({})
export class AppModule {
  static forConfig(config: RetrievalConfig): DynamicModule {
    const paths: StorePaths = {
      catalogPath: config.CATALOG_PATH,
      policiesPath: config.POLICIES_PATH,
    };
    return {
      module: AppModule,
      controllers: [RetrievalGrpcController],
      providers: [
        searchIndexProvider(config),
        { provide: STORE_PATHS, useValue: paths },
        RetrievalService,
      ],
    };
  }
}
