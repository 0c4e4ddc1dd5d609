import { logFormat, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';

export const retrievalConfigSchema = z.object({
  RETRIEVAL_HOST: z.string().min(1).default('127.0.0.1'),
  RETRIEVAL_PORT: port(50052),
  LOG_FORMAT: logFormat(),
  /** Which SearchIndex adapter serves; the embedded in-process index needs no other system. */
  RETRIEVAL_INDEX: z.enum(['embedded']).default('embedded'),
  // Unset means the store-data defaults under the repo root (data/catalog, data/store).
  CATALOG_PATH: z.string().min(1).optional(),
  POLICIES_PATH: z.string().min(1).optional(),
});

export type RetrievalConfig = z.infer<typeof retrievalConfigSchema>;

export function loadRetrievalConfig(env: NodeJS.ProcessEnv = process.env): RetrievalConfig {
  return parseConfig('retrieval', retrievalConfigSchema, env);
}
