import { ChatTraceRecordedSchema } from '@mangaassist/contracts';
import {
  EVENT_PUBLISHER,
  EVENT_TYPES,
  type EventPublisher,
  type OutgoingEvent,
  TOPICS,
  encodeEvent,
  pseudonymizeSessionId,
} from '@mangaassist/event-bus';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { TurnRecord } from './turn-record';

export const TRACE_RECORDER = Symbol('TRACE_RECORDER');
export const TRACE_RECORDER_OPTIONS = Symbol('TRACE_RECORDER_OPTIONS');

export interface TraceRecorderOptions {
  pseudonymKey: string;
  bufferMax: number;
}

/**
 * Publishes one chat-trace event per turn without making the shopper wait: `record` only
 * queues, and a background flush writes batches. The buffer is bounded; what cannot be kept
 * is counted and logged, never silently dropped.
 */
@Injectable()
export class TraceRecorder implements OnModuleDestroy {
  private readonly logger = new Logger(TraceRecorder.name);
  private readonly pending: OutgoingEvent[] = [];
  private flushing: Promise<void> | undefined;
  private dropped = 0;
  private published = 0;

  constructor(
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
    @Inject(TRACE_RECORDER_OPTIONS) private readonly options: TraceRecorderOptions,
  ) {}

  record(turn: TurnRecord): void {
    const session = pseudonymizeSessionId(this.options.pseudonymKey, turn.sessionId);
    const event = turn.toEvent(randomUUID(), session);
    this.pending.push(
      encodeEvent(ChatTraceRecordedSchema, event, {
        topic: TOPICS.chatTraces,
        key: session,
        eventType: EVENT_TYPES.chatTraceRecorded,
        traceparent: turn.traceparent,
      }),
    );
    if (this.pending.length > this.options.bufferMax) {
      this.pending.shift();
      this.dropped += 1;
      this.logger.error(
        `trace buffer full (${this.options.bufferMax}); ${this.dropped} trace events dropped so far`,
      );
    }
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.flush(),
    );
  }

  /** Waits until everything recorded so far is published (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private closing = false;

  stats(): { published: number; dropped: number; pending: number } {
    return { published: this.published, dropped: this.dropped, pending: this.pending.length };
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.drain();
    if (this.pending.length > 0) {
      this.logger.error(
        `${this.pending.length} trace events could not be published before shutdown`,
      );
    }
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        // Taken out while in flight, so overflow drops only events not yet being written.
        const batch = this.pending.splice(0, 256);
        try {
          await this.publisher.publish(batch);
          this.published += batch.length;
        } catch (error) {
          this.pending.unshift(...batch);
          this.logger.warn(`trace publish failed, will retry: ${(error as Error).message}`);
          if (this.closing) return;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }
}
