export * from './lib/service-catalog';
export * from './lib/stack-supervisor';
export * from './lib/kafka-broker-process';
