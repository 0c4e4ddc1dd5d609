import { logFormat, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';

export const retrievalConfigSchema = z
  .object({
    RETRIEVAL_HOST: z.string().min(1).default('127.0.0.1'),
    RETRIEVAL_PORT: port(50052),
    LOG_FORMAT: logFormat(),
    /**
     * Which SearchIndex adapter serves; the embedded in-process index needs no other system.
     * `minisearch` is the earlier MiniSearch-based index, kept to compare in the benchmark.
     * `opensearch` serves from an OpenSearch cluster at OPENSEARCH_URL.
     */
    RETRIEVAL_INDEX: z.enum(['embedded', 'minisearch', 'opensearch']).default('embedded'),
    /** The cluster for RETRIEVAL_INDEX=opensearch; unset means http://127.0.0.1:9200. */
    OPENSEARCH_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** The alias searched; unset means mangaassist-documents. Lowercase, digits, "-", "_". */
    OPENSEARCH_INDEX: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,150}$/, 'must be lowercase letters, digits, "-" or "_"')
      .optional(),
    // Unset means the store-data defaults under the repo root (data/catalog, data/store).
    CATALOG_PATH: z.string().min(1).optional(),
    POLICIES_PATH: z.string().min(1).optional(),
    /** A snapshot written by `npm run catalog:ingest -- --target local`; replaces the two paths. */
    RETRIEVAL_SNAPSHOT_PATH: z.string().min(1).optional(),
    /** Dense vectors fused with lexical hits: none (default), Bedrock Titan V2, or an ONNX model dir. */
    RETRIEVAL_EMBEDDINGS: z.enum(['none', 'bedrock', 'onnx']).default('none'),
    BEDROCK_REGION: z.string().min(1).default('us-east-1'),
    BEDROCK_EMBEDDING_MODEL: z.string().min(1).default('amazon.titan-embed-text-v2:0'),
    /** Titan V2 output size: 256, 512 or 1024. */
    RETRIEVAL_EMBEDDING_DIMENSIONS: z.coerce
      .number()
      .int()
      .refine((d) => [256, 512, 1024].includes(d), 'must be 256, 512 or 1024')
      .default(512),
    /** A directory with model.onnx and tokenizer.json (sentence-transformers export). */
    RETRIEVAL_ONNX_MODEL_DIR: z.string().min(1).optional(),
    /** Prefixes some models expect ("query: " / "passage: " for e5); empty by default. */
    RETRIEVAL_EMBEDDING_QUERY_PREFIX: z.string().default(''),
    RETRIEVAL_EMBEDDING_DOCUMENT_PREFIX: z.string().default(''),
  })
  .refine((c) => c.RETRIEVAL_EMBEDDINGS !== 'onnx' || c.RETRIEVAL_ONNX_MODEL_DIR !== undefined, {
    path: ['RETRIEVAL_ONNX_MODEL_DIR'],
    message: 'is required when RETRIEVAL_EMBEDDINGS=onnx',
  });

export type RetrievalConfig = z.infer<typeof retrievalConfigSchema>;

export function loadRetrievalConfig(env: NodeJS.ProcessEnv = process.env): RetrievalConfig {
  return parseConfig('retrieval', retrievalConfigSchema, env);
}
