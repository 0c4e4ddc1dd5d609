import { fromRepoRoot } from '@mangaassist/config';
import { z } from 'zod';

/** S3's bucket naming rules (general purpose buckets), so a typo fails at start, not at the first upload. */
const BUCKET = /^(?!xn--)(?!.*\.\.)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9=._/-]{0,512}$/;

/**
 * The archive's variables, to be spread into the service's config schema with
 * `requireBucketForS3` as its refinement. Off by default: `npm start` keeps everything in
 * the local store, and the archive is switched on per environment.
 */
export const archiveConfigShape = {
  RETRAINING_ARCHIVE: z.enum(['off', 'local', 's3']).default('off'),
  RETRAINING_ARCHIVE_DIR: z.string().min(1).default(fromRepoRoot('.var', 'retraining-archive')),
  RETRAINING_ARCHIVE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(86_400_000)
    .default(900_000),
  RETRAINING_S3_BUCKET: z
    .string()
    .regex(BUCKET, 'must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens')
    .optional(),
  RETRAINING_S3_PREFIX: z
    .string()
    .regex(PREFIX, 'must be up to 512 letters, digits and = . _ / -')
    .default('retraining-queue/'),
};

export const archiveConfigSchema = z.object(archiveConfigShape).superRefine(requireBucketForS3);
export type ArchiveConfig = z.infer<typeof archiveConfigSchema>;

export function requireBucketForS3(
  config: { RETRAINING_ARCHIVE: string; RETRAINING_S3_BUCKET?: string },
  ctx: z.RefinementCtx,
): void {
  if (config.RETRAINING_ARCHIVE === 's3' && config.RETRAINING_S3_BUCKET === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['RETRAINING_S3_BUCKET'],
      message: 'is required when RETRAINING_ARCHIVE is s3',
    });
  }
}
