import { join } from 'node:path';
import { ConfigError, parseConfig } from '@mangaassist/config';
import { z } from 'zod';
import { eventBusConfigShape, outboxPath } from './event-bus.config';

const load = (env: NodeJS.ProcessEnv, defaults = {}) =>
  parseConfig('feedback', z.object(eventBusConfigShape('feedback', defaults)), env);

describe('event-bus config', () => {
  it('runs on the local log with an empty environment', () => {
    const config = load({});
    expect(config).toMatchObject({
      EVENT_BUS: 'local',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_CLIENT_ID: 'feedback',
      KAFKA_SSL: false,
      KAFKA_CREATE_TOPICS: true,
      KAFKA_REPLICATION_FACTOR: 1,
      KAFKA_SESSION_TIMEOUT_MS: 10000,
      KAFKA_SEND_TIMEOUT_MS: 5000,
      EVENT_OUTBOX_SYNC: 'full',
      EVENT_OUTBOX_MAX_EVENTS: 1_000_000,
    });
    expect(config.EVENT_LOG_PATH.endsWith(join('.var', 'events.db'))).toBe(true);
    expect(outboxPath(config, 'feedback').endsWith(join('.var', 'feedback-outbox.db'))).toBe(true);
    expect(load({}, { outboxSync: 'normal' }).EVENT_OUTBOX_SYNC).toBe('normal');
  });

  it('reads a broker list for Kafka', () => {
    const config = load({ EVENT_BUS: 'kafka', KAFKA_BROKERS: 'b-1.msk:9092, b-2.msk:9092' });
    expect(config.KAFKA_BROKERS).toEqual(['b-1.msk:9092', 'b-2.msk:9092']);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      load({
        EVENT_BUS: 'rabbitmq',
        KAFKA_BROKERS: 'localhost',
        KAFKA_CLIENT_ID: 'two words',
        KAFKA_SESSION_TIMEOUT_MS: '1000',
        EVENT_OUTBOX_SYNC: 'sometimes',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/EVENT_BUS/);
    expect(problems).toMatch(
      /KAFKA_BROKERS: must be a comma-separated list of host:port \(got "localhost"\)/,
    );
    expect(problems).toMatch(/KAFKA_CLIENT_ID/);
    expect(problems).toMatch(/KAFKA_SESSION_TIMEOUT_MS/);
    expect(problems).toMatch(/EVENT_OUTBOX_SYNC/);
  });
});
