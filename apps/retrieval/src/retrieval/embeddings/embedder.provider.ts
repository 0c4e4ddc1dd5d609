import type { Provider } from '@nestjs/common';
import type { RetrievalConfig } from '../../app/retrieval.config';
import { BedrockTitanEmbedder } from './adapters/bedrock-titan.embedder';
import { OnnxEmbedder } from './adapters/onnx.embedder';
import { EMBEDDER, type Embedder } from './embedder';

/** The Embedder chosen by RETRIEVAL_EMBEDDINGS; `none` provides null (lexical search only). */
export function embedderProvider(config: RetrievalConfig): Provider {
  return { provide: EMBEDDER, useFactory: () => createEmbedder(config) };
}

export async function createEmbedder(config: RetrievalConfig): Promise<Embedder | null> {
  switch (config.RETRIEVAL_EMBEDDINGS) {
    case 'none':
      return null;
    case 'bedrock':
      return BedrockTitanEmbedder.create(config.BEDROCK_REGION, {
        modelId: config.BEDROCK_EMBEDDING_MODEL,
        dimensions: config.RETRIEVAL_EMBEDDING_DIMENSIONS,
      });
    case 'onnx':
      return OnnxEmbedder.load(config.RETRIEVAL_ONNX_MODEL_DIR ?? '', {
        queryPrefix: config.RETRIEVAL_EMBEDDING_QUERY_PREFIX,
        documentPrefix: config.RETRIEVAL_EMBEDDING_DOCUMENT_PREFIX,
      });
  }
}
