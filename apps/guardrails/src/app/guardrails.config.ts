import { fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { DEFAULT_CATALOG_PATH, DEFAULT_POLICIES_PATH } from '@mangaassist/store-data';
import { isAbsolute } from 'node:path';
import { z } from 'zod';

// Calibrated on data/guardrails/grounding.dev.jsonl with `npm run guardrails:calibrate`:
// block at precision 1.0 (target 0.95), warn at precision 0.94 (target 0.8); see docs/guardrails.md.
export const DEFAULT_GROUNDING_WARN_BELOW = 0.87;
export const DEFAULT_GROUNDING_BLOCK_BELOW = 0.63;
export const DEFAULT_INJECTION_TRAIN_PATH = 'data/guardrails/injection.train.jsonl';
// Chosen by 5-fold cross-validation on the training set (apps/guardrails/src/cli/injection-thresholds.ts):
// warn at an out-of-fold false-positive rate of about 1.5 %, block at about 0.5 %.
export const DEFAULT_INJECTION_WARN_AT = 0.667;
export const DEFAULT_INJECTION_BLOCK_AT = 0.833;
export const DEFAULT_PII_TRAIN_PATH = 'data/guardrails/pii.dev.jsonl';
// Chosen on a held-out PII round (docs/guardrails.md): about one false name in 370 shopper
// messages, where 0.8 gave four.
export const DEFAULT_NAME_TAGGER_THRESHOLD = 0.9;

function ratio(defaultValue: number) {
  return z.coerce.number().min(0).max(1).default(defaultValue);
}

/** A file path; relative paths are taken from the repository root, where data/ lives. */
function dataPath(defaultPath: string) {
  return z
    .string()
    .min(1)
    .default(defaultPath)
    .transform((path) => (isAbsolute(path) ? path : fromRepoRoot(path)));
}

export const guardrailsConfigSchema = z
  .object({
    GUARDRAILS_HOST: z.string().min(1).default('127.0.0.1'),
    GUARDRAILS_PORT: port(50055),
    LOG_FORMAT: logFormat(),
    GUARDRAILS_GROUNDING_WARN_BELOW: ratio(DEFAULT_GROUNDING_WARN_BELOW),
    GUARDRAILS_GROUNDING_BLOCK_BELOW: ratio(DEFAULT_GROUNDING_BLOCK_BELOW),
    GUARDRAILS_CATALOG_PATH: dataPath(DEFAULT_CATALOG_PATH),
    GUARDRAILS_POLICIES_PATH: dataPath(DEFAULT_POLICIES_PATH),
    /** Labelled messages the injection classifier is trained on at start. */
    GUARDRAILS_INJECTION_TRAIN_PATH: dataPath(DEFAULT_INJECTION_TRAIN_PATH),
    /** Classifier probability from which a message is let through with a warning. */
    GUARDRAILS_INJECTION_WARN_AT: ratio(DEFAULT_INJECTION_WARN_AT),
    /** Classifier probability from which a message is blocked. */
    GUARDRAILS_INJECTION_BLOCK_AT: ratio(DEFAULT_INJECTION_BLOCK_AT),
    /** Whether PERSON detection adds the trained name tagger to its context rules. */
    GUARDRAILS_NAME_TAGGER: z.enum(['on', 'off']).default('on'),
    /** Labelled PII messages the name tagger learns names from (with shopper messages as non-names). */
    GUARDRAILS_PII_TRAIN_PATH: dataPath(DEFAULT_PII_TRAIN_PATH),
    /** Tagger probability from which a span counts as a person's name. */
    GUARDRAILS_NAME_TAGGER_THRESHOLD: ratio(DEFAULT_NAME_TAGGER_THRESHOLD),
  })
  .refine((c) => c.GUARDRAILS_GROUNDING_BLOCK_BELOW <= c.GUARDRAILS_GROUNDING_WARN_BELOW, {
    path: ['GUARDRAILS_GROUNDING_BLOCK_BELOW'],
    message: 'must not be above GUARDRAILS_GROUNDING_WARN_BELOW',
  })
  .refine((c) => c.GUARDRAILS_INJECTION_WARN_AT <= c.GUARDRAILS_INJECTION_BLOCK_AT, {
    path: ['GUARDRAILS_INJECTION_WARN_AT'],
    message: 'must not be above GUARDRAILS_INJECTION_BLOCK_AT',
  });

export type GuardrailsConfig = z.infer<typeof guardrailsConfigSchema>;

export function loadGuardrailsConfig(env: NodeJS.ProcessEnv = process.env): GuardrailsConfig {
  return parseConfig('guardrails', guardrailsConfigSchema, env);
}
