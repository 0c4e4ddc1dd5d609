import { Logger } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import { createKafka } from './adapters/kafka/kafka-client';
import { KafkaEventConsumer } from './adapters/kafka/kafka-event-consumer';
import { KafkaEventPublisher } from './adapters/kafka/kafka-event-publisher';
import { TOPIC_SPECS, type TopicSpec } from './adapters/kafka/kafka-topics';
import { SqliteEventLog } from './adapters/sqlite-event-log';
import { type EventBusConfig, outboxPath } from './event-bus.config';
import type { EventConsumer, EventPublisher } from './event-bus';
import { OutboxPublisher } from './outbox/outbox-publisher';
import { SqliteOutbox } from './outbox/sqlite-outbox';
import type { MessagingSystem } from './tracing/messaging-attributes';
import { TracingEventConsumer } from './tracing/tracing-event-consumer';
import { TracingEventPublisher } from './tracing/tracing-event-publisher';

export const EVENT_BUS = Symbol('EVENT_BUS');

export interface EventBusOptions {
  /** The service, naming its outbox file (`<EVENT_OUTBOX_DIR>/<service>-outbox.db`). */
  service: string;
  /**
   * Put events the broker does not acknowledge in a durable local outbox and resolve (the
   * gateway's traces, feedback), instead of rejecting the publish (a consumer's dead letters,
   * whose source event is simply retried). Ignored on the local log, which is durable itself.
   */
  outbox: boolean;
  /** Topics to create when missing (Kafka, KAFKA_CREATE_TOPICS); the project's by default. */
  topics?: readonly TopicSpec[];
  /** Tests pass their own tracer; services use the globally registered one. */
  tracer?: Tracer;
}

/** The publisher and consumers of one service, all traced, on the configured bus. */
export interface EventBus {
  readonly kind: 'local' | 'kafka';
  readonly publisher: EventPublisher;
  /** A new consumer (one per group); stopped by its user, its clients closed by close(). */
  consumer(): EventConsumer;
  /** A line for the start-up log: which bus, where. */
  describe(): string;
  /** Closes the publisher and every client; stop the consumers first. */
  close(): Promise<void>;
}

export function createEventBus(config: EventBusConfig, options: EventBusOptions): EventBus {
  return config.EVENT_BUS === 'kafka'
    ? kafkaEventBus(config, options)
    : localEventBus(config, options);
}

function localEventBus(config: EventBusConfig, options: EventBusOptions): EventBus {
  const bus: MessagingSystem = { system: 'local_log' };
  const logs: SqliteEventLog[] = [];
  const open = () => {
    const log = new SqliteEventLog(config.EVENT_LOG_PATH);
    logs.push(log);
    return log;
  };
  return {
    kind: 'local',
    publisher: new TracingEventPublisher(open(), bus, options.tracer),
    consumer: () => new TracingEventConsumer(open().consumer(), bus, options.tracer),
    describe: () => `local event log ${config.EVENT_LOG_PATH}`,
    close: async () => {
      await Promise.all(logs.map((log) => log.close()));
    },
  };
}

function kafkaEventBus(config: EventBusConfig, options: EventBusOptions): EventBus {
  const bus: MessagingSystem = { system: 'kafka', server: config.KAFKA_BROKERS[0] };
  const common = {
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    ssl: config.KAFKA_SSL,
    connectionTimeoutMs: config.KAFKA_CONNECTION_TIMEOUT_MS,
    requestTimeoutMs: config.KAFKA_REQUEST_TIMEOUT_MS,
    logLevel: config.KAFKA_LOG_LEVEL,
  };
  const topics = config.KAFKA_CREATE_TOPICS
    ? { specs: options.topics ?? TOPIC_SPECS, replicationFactor: config.KAFKA_REPLICATION_FACTOR }
    : undefined;
  // Few, quick retries for the producer: an unacknowledged batch goes to the outbox (or back to
  // the caller) rather than holding a shopper's request while kafkajs retries for a minute.
  const producerKafka = createKafka({
    ...common,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const consumerKafka = createKafka(common);
  const direct = new TracingEventPublisher(
    new KafkaEventPublisher({
      kafka: producerKafka,
      sendTimeoutMs: config.KAFKA_SEND_TIMEOUT_MS,
      topics,
    }),
    bus,
    options.tracer,
  );
  const outboxFile = outboxPath(config, options.service);
  const outbox = options.outbox
    ? new SqliteOutbox(outboxFile, config.EVENT_OUTBOX_MAX_EVENTS, config.EVENT_OUTBOX_SYNC)
    : undefined;
  const publisher = outbox ? new OutboxPublisher(direct, outbox) : direct;
  const consumers: EventConsumer[] = [];
  const logger = new Logger('EventBus');
  return {
    kind: 'kafka',
    publisher,
    consumer: () => {
      const consumer = new TracingEventConsumer(
        new KafkaEventConsumer({
          kafka: consumerKafka,
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
          topics,
        }),
        bus,
        options.tracer,
      );
      consumers.push(consumer);
      return consumer;
    },
    describe: () =>
      `Kafka at ${config.KAFKA_BROKERS.join(',')} as ${config.KAFKA_CLIENT_ID}` +
      (outbox ? `, outbox ${outboxFile}` : ''),
    close: async () => {
      // Stopping twice is harmless; a consumer its owner forgot must not keep the process up.
      await Promise.all(consumers.map((c) => c.stop())).catch((error: unknown) =>
        logger.warn(`stopping a consumer failed: ${(error as Error).message}`),
      );
      await publisher.close();
    },
  };
}
