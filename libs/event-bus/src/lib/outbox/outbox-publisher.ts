import { Logger } from '@nestjs/common';
import type { EventPublisher, OutgoingEvent } from '../event-bus';
import type { SqliteOutbox } from './sqlite-outbox';

export interface OutboxPublisherOptions {
  /** Events per broker request at most, direct or drained. */
  maxBatch?: number;
  /** Backoff between attempts to drain the outbox while the broker stays unreachable. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

export interface OutboxStats {
  /** Events the broker acknowledged when first published. */
  sentDirect: number;
  /** Events written to the outbox because the broker was unreachable or behind them. */
  spilled: number;
  /** Events sent from the outbox and acknowledged. */
  drained: number;
  /** Events in the outbox now. */
  waiting: number;
  /** Events whose publish failed: neither acknowledged nor written to the outbox. */
  failed: number;
}

interface Job {
  events: readonly OutgoingEvent[];
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An EventPublisher that resolves once each event is durable: acknowledged by the broker, or,
 * when the broker is unreachable, written to the local outbox. Events keep one order per
 * process (so per key): while the outbox holds anything, new events queue behind it, and a
 * background drain sends them in order when the broker is back, then switches to direct sends.
 * A failed send may have reached the broker, so the outbox can send an event twice; consumers
 * dedupe by event id.
 */
export class OutboxPublisher implements EventPublisher {
  private readonly logger = new Logger(OutboxPublisher.name);
  private readonly queue: Job[] = [];
  private pumping: Promise<void> | undefined;
  private pumpActive = false;
  private draining: Promise<void> | undefined;
  /** Set and cleared synchronously with the outbox checks, unlike the promise above. */
  private drainActive = false;
  private wakeDrain: (() => void) | undefined;
  private closed = false;
  private readonly counts = { sentDirect: 0, spilled: 0, drained: 0, failed: 0 };

  constructor(
    private readonly broker: EventPublisher,
    private readonly outbox: SqliteOutbox,
    private readonly options: OutboxPublisherOptions = {},
  ) {
    if (outbox.size() > 0) {
      this.logger.warn(`${outbox.size()} events left in the outbox by an earlier run; draining`);
      this.startDrain();
    }
  }

  publish(events: readonly OutgoingEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('publisher is closed'));
    if (events.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.pumpActive) {
        this.pumpActive = true;
        this.pumping = this.pump();
      }
    });
  }

  stats(): OutboxStats {
    return { ...this.counts, waiting: this.outbox.size() };
  }

  /** Resolves once the outbox is empty (tests, benchmarks, a graceful stop that can wait). */
  async flushed(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.pumpActive && !this.drainActive && this.outbox.size() === 0) return true;
      this.wakeDrain?.();
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  }

  /** Takes in-flight publishes to the broker or the outbox, then stops; the outbox keeps the rest. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pumping;
    this.wakeDrain?.();
    await this.draining;
    if (this.outbox.size() > 0) {
      this.logger.warn(`${this.outbox.size()} events stay in the outbox until the next start`);
    }
    await this.broker.close();
    this.outbox.close();
  }

  private async pump(): Promise<void> {
    const maxBatch = this.options.maxBatch ?? 500;
    for (;;) {
      if (this.queue.length === 0) {
        // Cleared in the same tick as the emptiness check, so the next publish starts a pump.
        this.pumpActive = false;
        return;
      }
      const jobs: Job[] = [this.queue.shift() as Job];
      let size = jobs[0].events.length;
      while (this.queue.length > 0 && size + this.queue[0].events.length <= maxBatch) {
        const next = this.queue.shift() as Job;
        size += next.events.length;
        jobs.push(next);
      }
      const events = jobs.flatMap((job) => job.events);
      // Behind a non-empty outbox, sending directly would overtake older events.
      if (!this.drainActive) {
        try {
          await this.broker.publish(events);
          this.counts.sentDirect += events.length;
          for (const job of jobs) job.resolve();
          continue;
        } catch (error) {
          this.logger.warn(
            `broker unreachable, keeping events in the outbox until it returns: ${(error as Error).message}`,
          );
        }
      }
      try {
        this.outbox.append(events);
        this.counts.spilled += events.length;
        for (const job of jobs) job.resolve();
        this.startDrain();
      } catch (error) {
        this.counts.failed += events.length;
        this.logger.error(`${events.length} events could not be kept: ${(error as Error).message}`);
        for (const job of jobs) job.reject(error as Error);
      }
    }
  }

  private startDrain(): void {
    if (this.drainActive) return;
    this.drainActive = true;
    this.draining = this.drain();
  }

  private async drain(): Promise<void> {
    const maxBatch = this.options.maxBatch ?? 500;
    const minMs = this.options.retryMinMs ?? 250;
    // Short enough that events flow again within a couple of seconds of the broker returning;
    // an attempt against an absent broker is one refused connection.
    const maxMs = this.options.retryMaxMs ?? 2000;
    let backoffMs = minMs;
    let failures = 0;
    for (;;) {
      const entries = this.outbox.peek(maxBatch);
      // Synchronously with the check, so no publish can slip in between: direct from now on.
      if (entries.length === 0) {
        this.drainActive = false;
        if (failures > 0 || this.counts.drained > 0) {
          this.logger.log(`outbox drained; ${this.counts.drained} events sent from it so far`);
        }
        return;
      }
      if (this.closed && failures > 0) {
        this.drainActive = false;
        return;
      }
      try {
        await this.broker.publish(entries.map((e) => e.event));
        this.outbox.removeThrough(entries[entries.length - 1].seq);
        this.counts.drained += entries.length;
        backoffMs = minMs;
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            `outbox holds ${this.outbox.size()} events; broker still unreachable (attempt ${failures}): ${(error as Error).message}`,
          );
        }
        if (this.closed) {
          this.drainActive = false;
          return;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoffMs);
          this.wakeDrain = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeDrain = undefined;
        backoffMs = Math.min(backoffMs * 2, maxMs);
      }
    }
  }
}
