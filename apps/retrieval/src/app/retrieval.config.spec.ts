import { ConfigError } from '@mangaassist/config';
import { loadRetrievalConfig } from './retrieval.config';

describe('loadRetrievalConfig', () => {
  it('works with an empty environment', () => {
    expect(loadRetrievalConfig({})).toEqual({
      RETRIEVAL_HOST: '127.0.0.1',
      RETRIEVAL_PORT: 50052,
      LOG_FORMAT: 'pretty',
      RETRIEVAL_INDEX: 'embedded',
      RETRIEVAL_EMBEDDINGS: 'none',
      BEDROCK_REGION: 'us-east-1',
      BEDROCK_EMBEDDING_MODEL: 'amazon.titan-embed-text-v2:0',
      RETRIEVAL_EMBEDDING_DIMENSIONS: 512,
      RETRIEVAL_EMBEDDING_QUERY_PREFIX: '',
      RETRIEVAL_EMBEDDING_DOCUMENT_PREFIX: '',
    });
  });

  it('reads the store paths', () => {
    const config = loadRetrievalConfig({
      CATALOG_PATH: '/data/c.jsonl',
      POLICIES_PATH: '/data/p.jsonl',
    });
    expect(config.CATALOG_PATH).toBe('/data/c.jsonl');
    expect(config.POLICIES_PATH).toBe('/data/p.jsonl');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadRetrievalConfig({ RETRIEVAL_PORT: 'http' })).toThrow(ConfigError);
    expect(() => loadRetrievalConfig({ RETRIEVAL_PORT: '70000' })).toThrow(/RETRIEVAL_PORT/);
    expect(() => loadRetrievalConfig({ RETRIEVAL_INDEX: 'solr' })).toThrow(/RETRIEVAL_INDEX/);
    expect(() => loadRetrievalConfig({ RETRIEVAL_EMBEDDINGS: 'openai' })).toThrow(
      /RETRIEVAL_EMBEDDINGS/,
    );
    expect(() => loadRetrievalConfig({ RETRIEVAL_EMBEDDING_DIMENSIONS: '300' })).toThrow(
      /RETRIEVAL_EMBEDDING_DIMENSIONS: must be 256, 512 or 1024/,
    );
    expect(() => loadRetrievalConfig({ RETRIEVAL_EMBEDDINGS: 'onnx' })).toThrow(
      /RETRIEVAL_ONNX_MODEL_DIR: is required when RETRIEVAL_EMBEDDINGS=onnx/,
    );
  });

  it('reads the snapshot and embedding settings', () => {
    const config = loadRetrievalConfig({
      RETRIEVAL_SNAPSHOT_PATH: '/var/lib/retrieval/snapshot.jsonl',
      RETRIEVAL_EMBEDDINGS: 'bedrock',
      RETRIEVAL_EMBEDDING_DIMENSIONS: '1024',
      RETRIEVAL_INDEX: 'minisearch',
    });
    expect(config).toMatchObject({
      RETRIEVAL_SNAPSHOT_PATH: '/var/lib/retrieval/snapshot.jsonl',
      RETRIEVAL_EMBEDDINGS: 'bedrock',
      RETRIEVAL_EMBEDDING_DIMENSIONS: 1024,
      RETRIEVAL_INDEX: 'minisearch',
    });
  });
});
