import { fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';

export const DEFAULT_FEATURE_WEIGHTS = 'apps/rerank/src/rerank/model/feature-weights.v1.json';

export const rerankConfigSchema = z.object({
  RERANK_HOST: z.string().min(1).default('127.0.0.1'),
  RERANK_PORT: port(50053),
  LOG_FORMAT: logFormat(),
  /** Which Reranker adapter serves; the embedded feature model needs no other system. */
  RERANK_MODEL: z.enum(['feature']).default('feature'),
  // Resolved against the repo root when unset, so `npm start` and tests need no config.
  RERANK_FEATURE_WEIGHTS: z.string().min(1).optional(),
});

export type RerankConfig = z.infer<typeof rerankConfigSchema>;

export function loadRerankConfig(env: NodeJS.ProcessEnv = process.env): RerankConfig {
  return parseConfig('rerank', rerankConfigSchema, env);
}

export function featureWeightsPath(config: RerankConfig): string {
  return config.RERANK_FEATURE_WEIGHTS ?? fromRepoRoot(DEFAULT_FEATURE_WEIGHTS);
}
