import { fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { DEFAULT_CATALOG_PATH, DEFAULT_POLICIES_PATH } from '@mangaassist/store-data';
import { isAbsolute } from 'node:path';
import { z } from 'zod';

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
    GUARDRAILS_GROUNDING_WARN_BELOW: ratio(0.7),
    GUARDRAILS_GROUNDING_BLOCK_BELOW: ratio(0.5),
    GUARDRAILS_CATALOG_PATH: dataPath(DEFAULT_CATALOG_PATH),
    GUARDRAILS_POLICIES_PATH: dataPath(DEFAULT_POLICIES_PATH),
  })
  .refine((c) => c.GUARDRAILS_GROUNDING_BLOCK_BELOW <= c.GUARDRAILS_GROUNDING_WARN_BELOW, {
    path: ['GUARDRAILS_GROUNDING_BLOCK_BELOW'],
    message: 'must not be above GUARDRAILS_GROUNDING_WARN_BELOW',
  });

export type GuardrailsConfig = z.infer<typeof guardrailsConfigSchema>;

export function loadGuardrailsConfig(env: NodeJS.ProcessEnv = process.env): GuardrailsConfig {
  return parseConfig('guardrails', guardrailsConfigSchema, env);
}
