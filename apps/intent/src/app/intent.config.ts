import { isAbsolute, join } from 'node:path';
import { flag, fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { DEFAULT_CATALOG_PATH } from '@mangaassist/store-data';
import { z } from 'zod';

/** Where `npm run intent:train` writes model directories and the service looks for them. */
export const MODELS_DIR = 'models/intent';
/** The committed model the service loads with an empty environment. */
export const DEFAULT_MODEL_VERSION = 'v1';

const resolvePath = (path: string) => (isAbsolute(path) ? path : fromRepoRoot(path));

/** A file path; relative paths are taken from the repository root, like the defaults. */
function dataPath(defaultPath: string) {
  return z.string().min(1).default(defaultPath).transform(resolvePath);
}

function optionalPath() {
  return z
    .string()
    .min(1)
    .optional()
    .transform((path) => (path === undefined ? undefined : resolvePath(path)));
}

const intentSchema = z
  .object({
    INTENT_HOST: z.string().min(1).default('127.0.0.1'),
    INTENT_PORT: port(50051),
    LOG_FORMAT: logFormat(),
    /** builtin: the in-process softmax classifier; onnx: a transformer from INTENT_ONNX_DIR. */
    INTENT_BACKEND: z.enum(['builtin', 'onnx']).default('builtin'),
    /** The model directory under models/intent the built-in backend loads. */
    INTENT_MODEL_VERSION: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a directory name under models/intent')
      .default(DEFAULT_MODEL_VERSION),
    /** A model directory anywhere, instead of models/intent/<INTENT_MODEL_VERSION>. */
    INTENT_MODEL_PATH: optionalPath(),
    /** Train the built-in classifier at start from INTENT_TRAIN_PATH instead of loading one. */
    INTENT_TRAIN_AT_START: flag(false),
    /** Labelled examples the classifier is trained on when INTENT_TRAIN_AT_START is set. */
    INTENT_TRAIN_PATH: dataPath('data/intent/train.jsonl'),
    /** Held-out examples for temperature calibration when training at start. */
    INTENT_DEV_PATH: dataPath('data/intent/dev.jsonl'),
    /** model.onnx + tokenizer.json + labels.json, for INTENT_BACKEND=onnx. */
    INTENT_ONNX_DIR: optionalPath(),
    /** The catalog whose titles are recognised in messages. */
    INTENT_CATALOG_PATH: dataPath(DEFAULT_CATALOG_PATH),
    /** Calibrated confidence below which a turn goes to LLM (title known) or CLARIFY. */
    INTENT_MIN_CONFIDENCE: z.coerce.number().min(0).max(1).default(0.45),
  })
  .superRefine((config, ctx) => {
    if (config.INTENT_BACKEND === 'onnx' && config.INTENT_ONNX_DIR === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['INTENT_ONNX_DIR'],
        message:
          'required when INTENT_BACKEND=onnx (a folder with model.onnx, tokenizer.json, labels.json)',
      });
    }
  });

export type IntentConfig = z.infer<typeof intentSchema>;

export const INTENT_CONFIG = Symbol('INTENT_CONFIG');

export function loadIntentConfig(env: NodeJS.ProcessEnv = process.env): IntentConfig {
  return parseConfig('intent', intentSchema, env);
}

/** The model directory the built-in backend loads. */
export function modelDirectory(
  config: Pick<IntentConfig, 'INTENT_MODEL_PATH' | 'INTENT_MODEL_VERSION'>,
): string {
  return config.INTENT_MODEL_PATH ?? fromRepoRoot(join(MODELS_DIR, config.INTENT_MODEL_VERSION));
}
