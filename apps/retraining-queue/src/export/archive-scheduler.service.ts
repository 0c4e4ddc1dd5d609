import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CheckpointConflictError } from './archive-store';
import type { QueueArchiver } from './queue-archiver';

export const QUEUE_ARCHIVER = Symbol('QUEUE_ARCHIVER');
export const ARCHIVE_SCHEDULE = Symbol('ARCHIVE_SCHEDULE');

export interface ArchiveSchedule {
  intervalMs: number;
}

/**
 * Runs the archiver at start and then every interval, never two passes at once. A failed pass
 * is logged and retried at the next tick from the last checkpoint, so nothing is skipped.
 */
@Injectable()
export class ArchiveSchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ArchiveSchedulerService.name);
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(QUEUE_ARCHIVER) private readonly archiver: QueueArchiver,
    @Inject(ARCHIVE_SCHEDULE) private readonly schedule: ArchiveSchedule,
  ) {}

  onApplicationBootstrap(): void {
    this.logger.log(
      `archiving the queue to ${this.archiver.location} every ${Math.round(this.schedule.intervalMs / 1000)} s`,
    );
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.schedule.intervalMs);
    this.timer.unref();
  }

  /** One archive pass, or the one already under way; resolves when it has ended. */
  runOnce(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  // Stops between pages before the store closes in onApplicationShutdown; what was not
  // checkpointed is archived by the next start.
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await this.running;
  }

  private async pass(): Promise<void> {
    try {
      const run = await this.archiver.archiveOnce(this.stopping.signal);
      if (run.items > 0) {
        this.logger.log(
          `archived ${run.items} items in ${run.objects.length} objects to ${this.archiver.location}`,
        );
      }
    } catch (error) {
      if (this.stopping.signal.aborted) return;
      if (error instanceof CheckpointConflictError) {
        this.logger.warn(`${error.message}: is a second archiver writing to the same place?`);
      } else {
        this.logger.error(
          `archive pass failed, retrying at the next tick: ${(error as Error).message}`,
        );
      }
    }
  }
}
