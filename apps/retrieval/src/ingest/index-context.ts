import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { searchIndexProvider } from '../app/app.module';
import type { RetrievalConfig } from '../app/retrieval.config';
import { embedderProvider } from '../retrieval/embeddings/embedder.provider';
import { EMBEDDER, type Embedder } from '../retrieval/embeddings/embedder';
import { SEARCH_INDEX, type SearchIndex } from '../retrieval/search-index';

@Module({})
class IndexContextModule {}

export interface IndexContext {
  index: SearchIndex;
  embedder: Embedder | null;
  close(): Promise<void>;
}

/**
 * The SearchIndex and Embedder the service would use for this config, built by the same
 * providers outside the gRPC server, for the ingest CLI and the benchmark. Nothing is loaded
 * into the index: that is the caller's job.
 */
export async function openIndexContext(config: RetrievalConfig): Promise<IndexContext> {
  const providers = [searchIndexProvider(config), embedderProvider(config)];
  const app = await NestFactory.createApplicationContext(
    { module: IndexContextModule, providers, exports: providers },
    { logger: false },
  );
  return {
    index: app.get<SearchIndex>(SEARCH_INDEX),
    embedder: app.get<Embedder | null>(EMBEDDER),
    close: () => app.close(),
  };
}
