export * from './lib/event-bus';
export * from './lib/topics';
export * from './lib/event-codec';
export * from './lib/event-bus.config';
export * from './lib/event-bus.factory';
export * from './lib/adapters/sqlite-event-log';
export * from './lib/adapters/kafka/kafka-client';
export * from './lib/adapters/kafka/kafka-event-publisher';
export * from './lib/adapters/kafka/kafka-event-consumer';
export * from './lib/adapters/kafka/kafka-topics';
export * from './lib/outbox/sqlite-outbox';
export * from './lib/outbox/outbox-publisher';
export * from './lib/tracing/messaging-attributes';
export * from './lib/tracing/trace-headers';
export * from './lib/tracing/tracing-event-publisher';
export * from './lib/tracing/tracing-event-consumer';
export * from './lib/session-pseudonym';
// The adapter contract suite, for adapter tests in other projects (the Kafka run lives in
// tools/kafka, next to the broker it needs). It touches Jest's globals only when called.
export * from './lib/event-bus.contract';
