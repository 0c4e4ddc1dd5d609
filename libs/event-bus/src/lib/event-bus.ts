/**
 * The event-bus port. Production uses Kafka; `npm start` and unit tests use the durable local
 * log. Both give the same guarantees, checked by one contract suite: per-key order, at-least-
 * once delivery, a consumer group resumes after its last committed event.
 */
export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
export const EVENT_CONSUMER = Symbol('EVENT_CONSUMER');

export interface OutgoingEvent {
  topic: string;
  /** Partitioning key: the pseudonymous session id, so a session's events stay in order. */
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
}

export interface ReceivedEvent {
  topic: string;
  partition: number;
  /** Position in the partition, as a decimal string (Kafka offsets exceed 2^53). */
  offset: string;
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
  timestamp: Date;
}

export interface EventPublisher {
  /** Resolves only when every event is durable (broker ack or local fsync); never drops silently. */
  publish(events: readonly OutgoingEvent[]): Promise<void>;
  close(): Promise<void>;
}

export interface ConsumeOptions {
  groupId: string;
  topics: readonly string[];
  /** Where a group with no committed position starts. */
  fromBeginning: boolean;
  /**
   * Called once per event, in order per partition. The position is committed only after it
   * resolves; if it throws, the same event is retried with backoff, so handlers must be
   * idempotent and must route poison messages away themselves (to a dead-letter topic).
   */
  handle(event: ReceivedEvent): Promise<void>;
}

export interface EventConsumer {
  /** Starts consuming in the background; resolves once the consumer is running. */
  start(options: ConsumeOptions): Promise<void>;
  stop(): Promise<void>;
}
