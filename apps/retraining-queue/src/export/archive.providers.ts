import { S3Client } from '@aws-sdk/client-s3';
import type { Provider } from '@nestjs/common';
import { QUEUE_STORE, type QueueStore } from '../queue/queue-store';
import type { ArchiveConfig } from './archive.config';
import { ARCHIVE_STORE, type ArchiveStore } from './archive-store';
import {
  ARCHIVE_SCHEDULE,
  ArchiveSchedulerService,
  QUEUE_ARCHIVER,
} from './archive-scheduler.service';
import { LocalDirArchiveStore } from './adapters/local-dir.archive-store';
import { S3ArchiveStore } from './adapters/s3.archive-store';
import { QueueArchiver } from './queue-archiver';

/** The archive store the config selects, or undefined when archiving is off. */
export function createArchiveStore(config: ArchiveConfig): ArchiveStore | undefined {
  switch (config.RETRAINING_ARCHIVE) {
    case 'off':
      return undefined;
    case 'local':
      return new LocalDirArchiveStore(config.RETRAINING_ARCHIVE_DIR);
    case 's3': {
      if (config.RETRAINING_S3_BUCKET === undefined) {
        throw new Error('RETRAINING_S3_BUCKET is required when RETRAINING_ARCHIVE is s3');
      }
      // Region and credentials come from the standard AWS chain (AWS_REGION, profiles, IRSA).
      return new S3ArchiveStore(new S3Client({}), {
        bucket: config.RETRAINING_S3_BUCKET,
        prefix: config.RETRAINING_S3_PREFIX,
      });
    }
  }
}

/** The providers that archive the queue on a schedule; none when archiving is off. */
export function archiveProviders(config: ArchiveConfig): Provider[] {
  const archive = createArchiveStore(config);
  if (!archive) return [];
  return [
    { provide: ARCHIVE_STORE, useValue: archive },
    {
      provide: QUEUE_ARCHIVER,
      useFactory: (store: QueueStore, target: ArchiveStore) => new QueueArchiver(store, target),
      inject: [QUEUE_STORE, ARCHIVE_STORE],
    },
    { provide: ARCHIVE_SCHEDULE, useValue: { intervalMs: config.RETRAINING_ARCHIVE_INTERVAL_MS } },
    ArchiveSchedulerService,
  ];
}
