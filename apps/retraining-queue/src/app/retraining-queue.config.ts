import { fromRepoRoot, logFormat, parseConfig, port } from '@mangaassist/config';
import { eventBusConfigShape } from '@mangaassist/event-bus';
import { z } from 'zod';
import { archiveConfigShape, requireBucketForS3 } from '../export/archive.config';

export const retrainingQueueConfigSchema = z
  .object({
    RETRAINING_QUEUE_HOST: z.string().min(1).default('127.0.0.1'),
    RETRAINING_QUEUE_PORT: port(50057),
    LOG_FORMAT: logFormat(),
    RETRAINING_DB_PATH: z.string().min(1).default(fromRepoRoot('.var', 'retraining.db')),
    RETRAINING_CONSUMER_GROUP: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]{1,100}$/,
        'must be 1 to 100 letters, digits, dots, dashes or underscores',
      )
      .default('retraining-queue'),
    // EVENT_BUS, EVENT_LOG_PATH, KAFKA_*: the bus it consumes from and dead-letters to.
    ...eventBusConfigShape('retraining-queue'),
    // RETRAINING_ARCHIVE, RETRAINING_S3_*: the optional Parquet archive (off by default).
    ...archiveConfigShape,
  })
  .superRefine(requireBucketForS3);

export type RetrainingQueueConfig = z.infer<typeof retrainingQueueConfigSchema>;

export function loadRetrainingQueueConfig(
  env: NodeJS.ProcessEnv = process.env,
): RetrainingQueueConfig {
  return parseConfig('retraining-queue', retrainingQueueConfigSchema, env);
}
