export * from './lib/event-bus';
export * from './lib/topics';
export * from './lib/event-codec';
export * from './lib/adapters/sqlite-event-log';
export * from './lib/session-pseudonym';
