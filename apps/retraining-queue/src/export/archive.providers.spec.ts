import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@mangaassist/config';
import { Rating } from '@mangaassist/contracts';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import { QUEUE_STORE } from '../queue/queue-store';
import { feedbackOn, traceIdOf } from '../testing/event-fixtures';
import { archiveConfigSchema } from './archive.config';
import { ArchiveSchedulerService } from './archive-scheduler.service';
import { archiveProviders } from './archive.providers';

describe('archiveProviders in a Nest module', () => {
  let dir: string;
  let store: SqliteQueueStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'archive-providers-'));
    store = new SqliteQueueStore(join(dir, 'retraining.db'));
    await store.recordFeedback(feedbackOn(traceIdOf(1), Rating.DOWN, { comment: '違う巻です' }));
    Logger.overrideLogger(false);
  });

  afterEach(async () => {
    Logger.overrideLogger(['log', 'error', 'warn']);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function context(env: NodeJS.ProcessEnv) {
    const config = parseConfig('retraining-queue', archiveConfigSchema, env);
    @Module({ providers: [{ provide: QUEUE_STORE, useValue: store }, ...archiveProviders(config)] })
    class TestModule {}
    return NestFactory.createApplicationContext(TestModule, { logger: false });
  }

  it('resolves the scheduler, archives at start and stops on close', async () => {
    const archiveDir = join(dir, 'archive');
    const app = await context({
      RETRAINING_ARCHIVE: 'local',
      RETRAINING_ARCHIVE_DIR: archiveDir,
      RETRAINING_ARCHIVE_INTERVAL_MS: '3600000',
    });
    await app.get(ArchiveSchedulerService).runOnce();
    await app.close();
    const partitions = readdirSync(archiveDir).filter((name) => name.startsWith('dt='));
    expect(partitions).toHaveLength(1);
    expect(readdirSync(join(archiveDir, partitions[0]))).toEqual([
      expect.stringMatching(/^part-[0-9a-f-]{36}\.parquet$/),
    ]);
  });

  it('adds nothing when archiving is off', async () => {
    const app = await context({ RETRAINING_ARCHIVE_DIR: join(dir, 'archive') });
    expect(() => app.get(ArchiveSchedulerService)).toThrow();
    await app.close();
    expect(existsSync(join(dir, 'archive'))).toBe(false);
  });
});
