import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { ConsumeOptions, EventConsumer, ReceivedEvent } from '../../event-bus';
import { type TopicSpec, ensureTopics } from './kafka-topics';

export interface KafkaEventConsumerOptions {
  kafka: Kafka;
  /** A member silent this long is dropped from its group, so a crashed one is replaced. */
  sessionTimeoutMs: number;
  /** Topics created (if missing) before subscribing. */
  topics?: { specs: readonly TopicSpec[]; replicationFactor: number };
  /** While a batch runs, handled positions are committed at least every this many events... */
  commitEvery?: number;
  /** ...or this often, whichever comes first (and always at the end of a batch). */
  commitIntervalMs?: number;
  /** Backoff between retries of a failing handler. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

/**
 * A Kafka consumer-group member with at-least-once delivery: an event's offset is resolved only
 * after its handler resolved, and only resolved offsets are committed, so a crash or a
 * rebalance redelivers what was not finished. A failing handler is retried with backoff on the
 * same event (per-partition order is kept), while the member keeps heartbeating.
 */
export class KafkaEventConsumer implements EventConsumer {
  private readonly logger = new Logger(KafkaEventConsumer.name);
  private consumer: Consumer | undefined;
  private stopping = false;
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: KafkaEventConsumerOptions) {}

  async start(options: ConsumeOptions): Promise<void> {
    if (this.consumer) throw new Error('consumer already started');
    const { kafka, topics, sessionTimeoutMs } = this.options;
    if (topics) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, topics.specs, topics.replicationFactor);
      } finally {
        await admin.disconnect();
      }
    }
    const consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, Math.floor(sessionTimeoutMs / 3)),
      rebalanceTimeout: Math.max(sessionTimeoutMs, 30_000),
      // A fetch returns as soon as there is data; the wait only bounds how long stop() takes.
      maxWaitTimeInMs: 500,
      allowAutoTopicCreation: false,
      retry: {
        initialRetryTime: 300,
        maxRetryTime: 5000,
        retries: 10,
        // After a long broker outage kafkajs gives up; we always want it to come back.
        restartOnFailure: async (error) => {
          this.logger.error(`consumer of ${options.groupId} crashed, restarting: ${error.message}`);
          return true;
        },
      },
    });
    this.consumer = consumer;
    this.stopping = false;
    try {
      await consumer.connect();
      // fromBeginning is kafkajs's auto.offset.reset for a group with no committed offset:
      // earliest when true, latest when false. Once the group has committed, it resumes there.
      await consumer.subscribe({
        topics: [...options.topics],
        fromBeginning: options.fromBeginning,
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => this.eachBatch(payload, options),
      });
    } catch (error) {
      this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    if (!consumer) return;
    this.stopping = true;
    for (const wake of this.sleepers) wake();
    // Waits for the running batch to return (it commits what it finished) and leaves the group.
    await consumer.disconnect();
    this.consumer = undefined;
  }

  private async eachBatch(payload: EachBatchPayload, options: ConsumeOptions): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const commitEvery = this.options.commitEvery ?? 200;
    const commitIntervalMs = this.options.commitIntervalMs ?? 1000;
    let handledSinceCommit = 0;
    let lastCommit = Date.now();
    const commit = async () => {
      if (handledSinceCommit === 0) return;
      try {
        await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
        handledSinceCommit = 0;
        lastCommit = Date.now();
      } catch (error) {
        // Not fatal: the events since the last commit are delivered again and deduplicated.
        this.logger.warn(
          `committing ${batch.topic}[${batch.partition}] failed: ${(error as Error).message}`,
        );
      }
    };
    const active = () => isRunning() && !isStale() && !this.stopping;
    for (const message of batch.messages) {
      if (!active()) break;
      const event = toReceivedEvent(batch.topic, batch.partition, message);
      if (!(await this.handleWithRetry(event, options, active, heartbeat))) break;
      resolveOffset(message.offset);
      handledSinceCommit += 1;
      if (handledSinceCommit >= commitEvery || Date.now() - lastCommit >= commitIntervalMs) {
        await commit();
      }
      try {
        await heartbeat();
      } catch {
        // The group is rebalancing: stop here and let the runner rejoin.
        break;
      }
    }
    await commit();
  }

  /** True once the handler succeeded; false when the consumer stops or loses the partition. */
  private async handleWithRetry(
    event: ReceivedEvent,
    options: ConsumeOptions,
    active: () => boolean,
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    let backoffMs = this.options.retryMinMs ?? 100;
    for (;;) {
      try {
        await options.handle(event);
        return true;
      } catch (error) {
        this.logger.warn(
          `handler failed on ${event.topic}[${event.partition}]@${event.offset}, retrying in ${backoffMs} ms: ${(error as Error).message}`,
        );
      }
      await this.sleep(backoffMs);
      if (!active()) return false;
      try {
        await heartbeat();
      } catch {
        return false;
      }
      backoffMs = Math.min(backoffMs * 2, this.options.retryMaxMs ?? 5000);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}

function toReceivedEvent(topic: string, partition: number, message: KafkaMessage): ReceivedEvent {
  const value = message.value ?? Buffer.alloc(0);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
    headers: headersToStrings(message.headers),
    timestamp: new Date(Number(message.timestamp)),
  };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    // A repeated header keeps its first value, as the port has one value per name.
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) result[name] = value.toString();
  }
  return result;
}
