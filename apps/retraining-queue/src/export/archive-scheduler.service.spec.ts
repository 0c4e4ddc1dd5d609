import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Rating } from '@mangaassist/contracts';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import { feedbackOn, traceIdOf } from '../testing/event-fixtures';
import { S3ArchiveStore } from './adapters/s3.archive-store';
import { ArchiveSchedulerService } from './archive-scheduler.service';
import { QueueArchiver } from './queue-archiver';
import { FakeS3Bucket } from './testing/fake-s3-bucket';

describe('ArchiveSchedulerService', () => {
  let dir: string;
  let store: SqliteQueueStore;
  let bucket: FakeS3Bucket;
  let scheduler: ArchiveSchedulerService;
  let errors: jest.SpyInstance;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archive-scheduler-'));
    store = new SqliteQueueStore(join(dir, 'retraining.db'));
    bucket = new FakeS3Bucket('mangaassist-retraining');
    const archive = new S3ArchiveStore(bucket.client, { bucket: bucket.bucket, prefix: 'q/' });
    scheduler = new ArchiveSchedulerService(new QueueArchiver(store, archive), {
      intervalMs: 3_600_000,
    });
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await store.recordFeedback(feedbackOn(traceIdOf(1), Rating.DOWN, { comment: '遅い' }));
  });

  afterEach(async () => {
    await scheduler.onModuleDestroy();
    errors.mockRestore();
    bucket.restore();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const parts = () => [...bucket.objects.keys()].filter((k) => k.endsWith('.parquet'));

  it('archives at start and never runs two passes at once', async () => {
    scheduler.onApplicationBootstrap();
    const again = scheduler.runOnce();
    await again;
    expect(parts()).toHaveLength(1);
    expect(bucket.puts()).toHaveLength(2);
  });

  it('logs a failed pass and picks up from the checkpoint on the next one', async () => {
    bucket.failNextPut('q/_checkpoint.json', new Error('connect ETIMEDOUT'));
    await scheduler.runOnce();
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/archive pass failed.*ETIMEDOUT/));
    await scheduler.runOnce();
    expect(bucket.objects.has('q/_checkpoint.json')).toBe(true);
  });

  it('runs no pass after it was stopped', async () => {
    await scheduler.onModuleDestroy();
    await scheduler.runOnce();
    expect(bucket.puts()).toEqual([]);
  });
});
