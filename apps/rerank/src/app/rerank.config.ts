import { fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';

/** Where versioned weights files live; RERANK_WEIGHTS_VERSION picks one. */
export const FEATURE_WEIGHTS_DIR = 'apps/rerank/src/rerank/model';
/** The trained weights (`npm run rerank:train`); v1 is the earlier hand-set file. */
export const DEFAULT_WEIGHTS_VERSION = 'v2';
export const DEFAULT_FEATURE_WEIGHTS = `${FEATURE_WEIGHTS_DIR}/feature-weights.${DEFAULT_WEIGHTS_VERSION}.json`;

export const rerankConfigSchema = z
  .object({
    RERANK_HOST: z.string().min(1).default('127.0.0.1'),
    RERANK_PORT: port(50053),
    LOG_FORMAT: logFormat(),
    /**
     * Which Reranker adapter serves: the embedded learned feature model, or a cross-encoder
     * from an ONNX model directory (production, where a model can be shipped).
     */
    RERANK_MODEL: z.enum(['feature', 'cross-encoder']).default('feature'),
    /** The feature model's weights version: feature-weights.<version>.json in the model dir. */
    RERANK_WEIGHTS_VERSION: z
      .string()
      .regex(/^v\d+$/, 'must look like v2')
      .default(DEFAULT_WEIGHTS_VERSION),
    // A full path overrides the version (a mounted file in a container).
    RERANK_FEATURE_WEIGHTS: z.string().min(1).optional(),
    /** model.onnx + tokenizer.json of the cross-encoder. */
    RERANK_CROSS_ENCODER_DIR: z.string().min(1).optional(),
  })
  .refine((c) => c.RERANK_MODEL !== 'cross-encoder' || c.RERANK_CROSS_ENCODER_DIR !== undefined, {
    path: ['RERANK_CROSS_ENCODER_DIR'],
    message: 'is required when RERANK_MODEL=cross-encoder',
  });

export type RerankConfig = z.infer<typeof rerankConfigSchema>;

export function loadRerankConfig(env: NodeJS.ProcessEnv = process.env): RerankConfig {
  return parseConfig('rerank', rerankConfigSchema, env);
}

export function featureWeightsPath(config: RerankConfig): string {
  return (
    config.RERANK_FEATURE_WEIGHTS ??
    fromRepoRoot(FEATURE_WEIGHTS_DIR, `feature-weights.${config.RERANK_WEIGHTS_VERSION}.json`)
  );
}
