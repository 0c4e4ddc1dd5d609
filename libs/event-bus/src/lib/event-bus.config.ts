import { join } from 'node:path';
import { flag, fromRepoRoot, millis } from '@mangaassist/config';
import { z } from 'zod';

const BROKER = /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/;

/**
 * The event-bus variables every producing or consuming service reads, to spread into its own
 * config schema. Defaults run on the embedded local log with no config at all; `EVENT_BUS=kafka`
 * with `KAFKA_BROKERS` switches to a real cluster.
 */
export interface EventBusDefaults {
  /**
   * How the outbox commits: `full` fsyncs every write (survives a power loss); `normal` lets
   * the OS write it back (survives the process crashing or being killed, costs no fsync on
   * the event loop). Producers that answer a caller only once durable want `full`.
   */
  outboxSync?: 'full' | 'normal';
}

export function eventBusConfigShape(service: string, defaults: EventBusDefaults = {}) {
  return {
    EVENT_BUS: z.enum(['local', 'kafka']).default('local'),
    // The same default for every service, so local processes share one log.
    EVENT_LOG_PATH: z.string().min(1).default(fromRepoRoot('.var', 'events.db')),
    KAFKA_BROKERS: z
      .string()
      .default('127.0.0.1:9092')
      .transform((v) => v.split(',').map((b) => b.trim()))
      .refine((list) => list.length > 0 && list.every((b) => BROKER.test(b)), {
        message: 'must be a comma-separated list of host:port',
      }),
    KAFKA_CLIENT_ID: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]{1,100}$/,
        'must be 1 to 100 letters, digits, dots, dashes or underscores',
      )
      .default(service),
    KAFKA_SSL: flag(false),
    KAFKA_CONNECTION_TIMEOUT_MS: millis(3000),
    KAFKA_REQUEST_TIMEOUT_MS: millis(10000),
    /**
     * How long a publish may wait for the broker's ack before the events go to the outbox
     * instead; bounds how long a shopper's feedback waits while the broker is unreachable.
     */
    KAFKA_SEND_TIMEOUT_MS: millis(5000),
    /** A consumer missing heartbeats this long is replaced in its group (after a crash). */
    KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300_000).default(10000),
    /** Create missing topics with their partitions and configs at start (idempotent). */
    KAFKA_CREATE_TOPICS: flag(true),
    /** Replication factor of topics created at start; 1 fits a single local broker. */
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
    KAFKA_LOG_LEVEL: z.enum(['nothing', 'error', 'warn', 'info', 'debug']).default('warn'),
    /**
     * Directory of the durable local outbox of events the broker has not acknowledged yet:
     * `<dir>/<service>-outbox.db`, one file per process (locked while in use).
     */
    EVENT_OUTBOX_DIR: z.string().min(1).default(fromRepoRoot('.var')),
    EVENT_OUTBOX_SYNC: z.enum(['full', 'normal']).default(defaults.outboxSync ?? 'full'),
    /** Events the outbox holds at most; beyond that publishing fails instead of filling the disk. */
    EVENT_OUTBOX_MAX_EVENTS: z.coerce.number().int().min(1).max(100_000_000).default(1_000_000),
  };
}

type EventBusShape = ReturnType<typeof eventBusConfigShape>;
export type EventBusConfig = { [K in keyof EventBusShape]: z.infer<EventBusShape[K]> };

/** The outbox file of one service. */
export function outboxPath(
  config: Pick<EventBusConfig, 'EVENT_OUTBOX_DIR'>,
  service: string,
): string {
  return join(config.EVENT_OUTBOX_DIR, `${service}-outbox.db`);
}
