import { Logger } from '@nestjs/common';
import { CompressionTypes, type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import type { EventPublisher, OutgoingEvent } from '../../event-bus';
import { type TopicSpec, ensureTopics } from './kafka-topics';
import { withDeadline } from './with-deadline';

export interface KafkaEventPublisherOptions {
  kafka: Kafka;
  /** A publish that the broker has not acknowledged within this time fails. */
  sendTimeoutMs: number;
  /** Topics created (if missing) before the first send. */
  topics?: { specs: readonly TopicSpec[]; replicationFactor: number };
}

/**
 * Publishes to Kafka with an idempotent producer and acks from all in-sync replicas:
 * `publish` resolves only once the broker has acknowledged every event, and rejects
 * otherwise; nothing is ever sent fire-and-forget. Callers that must not lose events on a
 * rejection put them in the outbox (OutboxPublisher).
 */
export class KafkaEventPublisher implements EventPublisher {
  private readonly logger = new Logger(KafkaEventPublisher.name);
  private producer: Promise<Producer> | undefined;
  private topicsReady = false;
  private closed = false;

  constructor(private readonly options: KafkaEventPublisherOptions) {}

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    if (this.closed) throw new Error('publisher is closed');
    if (events.length === 0) return;
    try {
      await withDeadline(
        this.send(events),
        this.options.sendTimeoutMs,
        `the broker did not acknowledge ${events.length} event(s) within ${this.options.sendTimeoutMs} ms`,
      );
    } catch (error) {
      // A failed batch leaves the producer's sequence numbers in doubt (the broker may or may
      // not have written it); a fresh producer id avoids an out-of-order-sequence wedge.
      this.reset();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await producer.then((p) => p.disconnect()).catch(() => undefined);
  }

  private async send(events: readonly OutgoingEvent[]): Promise<void> {
    const producer = await this.connected();
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const messages = byTopic.get(event.topic) ?? [];
      messages.push({
        key: Buffer.from(event.key, 'utf8'),
        value: Buffer.from(event.value.buffer, event.value.byteOffset, event.value.byteLength),
        headers: { ...event.headers },
      });
      byTopic.set(event.topic, messages);
    }
    await producer.sendBatch({
      acks: -1,
      timeout: this.options.sendTimeoutMs,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  private connected(): Promise<Producer> {
    this.producer ??= this.connect();
    return this.producer;
  }

  private async connect(): Promise<Producer> {
    const { kafka, topics } = this.options;
    if (topics && !this.topicsReady) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const created = await ensureTopics(admin, topics.specs, topics.replicationFactor);
        if (created.length > 0) this.logger.log(`created topics ${created.join(', ')}`);
        this.topicsReady = true;
      } finally {
        await admin.disconnect();
      }
    }
    const producer = kafka.producer({
      idempotent: true,
      // One request in flight per broker keeps each partition's order across retries.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // The Java client's murmur2 partitioner: a key lands on the same partition whichever
      // client (ours, a data scientist's Python or Java producer) writes it.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    await producer.connect();
    return producer;
  }

  private reset(): void {
    const stale = this.producer;
    this.producer = undefined;
    if (stale) {
      void stale.then((p) => p.disconnect()).catch(() => undefined);
    }
  }
}
