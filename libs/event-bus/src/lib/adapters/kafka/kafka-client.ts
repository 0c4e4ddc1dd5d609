import { Logger } from '@nestjs/common';
import { Kafka, type LogEntry, type RetryOptions, logLevel } from 'kafkajs';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaClientOptions {
  brokers: readonly string[];
  clientId: string;
  ssl?: boolean;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  logLevel?: KafkaLogLevel;
  retry?: RetryOptions;
}

const LEVELS: Record<KafkaLogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

// We bound the idempotent producer's retries on purpose: a batch the broker did not
// acknowledge goes to the outbox and is sent again by a fresh producer, and every consumer
// dedupes by event id. kafkajs warns about that choice on every producer it creates.
const EXPECTED_WARNINGS = [/^Limiting retries for the idempotent producer/];

/** How long an identical kafkajs line is held back after it was logged (reconnect loops). */
const REPEAT_WINDOW_MS = 10_000;

export function createKafka(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    ssl: options.ssl ?? false,
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    requestTimeout: options.requestTimeoutMs ?? 10000,
    retry: options.retry,
    logLevel: LEVELS[options.logLevel ?? 'warn'],
    logCreator: kafkaLogCreator,
  });
}

/** Sends kafkajs's log lines to the Nest logger, so they share the service's format. */
function kafkaLogCreator(): (entry: LogEntry) => void {
  const lastLogged = new Map<string, number>();
  return ({ namespace, level, log }) => {
    // The stack of a refused connection says nothing the message does not.
    const { message, timestamp: _timestamp, logger: _logger, stack: _stack, ...extra } = log;
    if (EXPECTED_WARNINGS.some((pattern) => pattern.test(message))) return;
    const key = `${namespace}:${message}`;
    const now = Date.now();
    if ((lastLogged.get(key) ?? 0) > now - REPEAT_WINDOW_MS) return;
    lastLogged.set(key, now);
    if (lastLogged.size > 1000) lastLogged.clear();
    const details = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
    const logger = new Logger(`kafkajs${namespace ? `:${namespace}` : ''}`);
    const line = `${message}${details}`;
    // kafkajs logs recoverable conditions (a coordinator still loading, a refused connection it
    // will retry) as errors; failures that matter surface through the adapters themselves.
    if (level === logLevel.ERROR || level === logLevel.WARN) logger.warn(line);
    else if (level === logLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
}
