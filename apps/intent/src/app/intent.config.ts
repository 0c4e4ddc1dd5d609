import { isAbsolute } from 'node:path';
import { fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { DEFAULT_CATALOG_PATH } from '@mangaassist/store-data';
import { z } from 'zod';

/** A file path; relative paths are taken from the repository root, like the defaults. */
function dataPath(defaultPath: string) {
  return z
    .string()
    .min(1)
    .default(defaultPath)
    .transform((path) => (isAbsolute(path) ? path : fromRepoRoot(path)));
}

const intentSchema = z.object({
  INTENT_HOST: z.string().min(1).default('127.0.0.1'),
  INTENT_PORT: port(50051),
  LOG_FORMAT: logFormat(),
  /** Labelled examples the classifier is trained on at start. */
  INTENT_TRAIN_PATH: dataPath('data/intent/train.jsonl'),
  /** Held-out examples for temperature calibration and the reported accuracy. */
  INTENT_DEV_PATH: dataPath('data/intent/dev.jsonl'),
  /** A saved model artifact to load instead of training at start. */
  INTENT_MODEL_PATH: z
    .string()
    .min(1)
    .optional()
    .transform((path) => (path === undefined || isAbsolute(path) ? path : fromRepoRoot(path))),
  /** The catalog whose titles are recognised in messages. */
  INTENT_CATALOG_PATH: dataPath(DEFAULT_CATALOG_PATH),
  /** Calibrated confidence below which a turn goes to LLM (title known) or CLARIFY. */
  INTENT_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.45),
});

export type IntentConfig = z.infer<typeof intentSchema>;

export const INTENT_CONFIG = Symbol('INTENT_CONFIG');

export function loadIntentConfig(env: NodeJS.ProcessEnv = process.env): IntentConfig {
  return parseConfig('intent', intentSchema, env);
}
