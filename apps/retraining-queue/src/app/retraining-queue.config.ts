import { fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';

export const retrainingQueueConfigSchema = z.object({
  RETRAINING_QUEUE_HOST: z.string().min(1).default('127.0.0.1'),
  RETRAINING_QUEUE_PORT: port(50057),
  LOG_FORMAT: logFormat(),
  // The same default as the gateway and feedback, so local processes share one log.
  EVENT_LOG_PATH: z.string().min(1).default(fromRepoRoot('.var', 'events.db')),
  RETRAINING_DB_PATH: z.string().min(1).default(fromRepoRoot('.var', 'retraining.db')),
  RETRAINING_CONSUMER_GROUP: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{1,100}$/,
      'must be 1 to 100 letters, digits, dots, dashes or underscores',
    )
    .default('retraining-queue'),
});

export type RetrainingQueueConfig = z.infer<typeof retrainingQueueConfigSchema>;

export function loadRetrainingQueueConfig(
  env: NodeJS.ProcessEnv = process.env,
): RetrainingQueueConfig {
  return parseConfig('retraining-queue', retrainingQueueConfigSchema, env);
}
