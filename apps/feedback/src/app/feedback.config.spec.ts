import { join } from 'node:path';
import { ConfigError } from '@mangaassist/config';
import { DEVELOPMENT_PSEUDONYM_KEY } from '@mangaassist/event-bus';
import { loadFeedbackConfig } from './feedback.config';

describe('feedback config', () => {
  it('works with an empty environment', () => {
    const config = loadFeedbackConfig({});
    expect(config).toMatchObject({
      FEEDBACK_HOST: '127.0.0.1',
      FEEDBACK_PORT: 50056,
      LOG_FORMAT: 'pretty',
      SESSION_PSEUDONYM_KEY: DEVELOPMENT_PSEUDONYM_KEY,
      GUARDRAILS_ADDR: '127.0.0.1:50055',
      GUARDRAILS_DEADLINE_MS: 500,
    });
    // The shared local log under the repository root, as the gateway and retraining-queue use.
    expect(config.EVENT_LOG_PATH.endsWith(join('.var', 'events.db'))).toBe(true);
    expect(config).toMatchObject({ EVENT_BUS: 'local', KAFKA_CLIENT_ID: 'feedback' });
    // Submit answers only once a rating is durable, so the outbox fsyncs each one.
    expect(config.EVENT_OUTBOX_SYNC).toBe('full');
  });

  it('reads the Kafka settings', () => {
    const config = loadFeedbackConfig({
      EVENT_BUS: 'kafka',
      KAFKA_BROKERS: 'b-1:9092,b-2:9092',
      KAFKA_REPLICATION_FACTOR: '3',
    });
    expect(config).toMatchObject({
      EVENT_BUS: 'kafka',
      KAFKA_BROKERS: ['b-1:9092', 'b-2:9092'],
      KAFKA_REPLICATION_FACTOR: 3,
    });
  });

  it('names every malformed variable', () => {
    let error: unknown;
    try {
      loadFeedbackConfig({
        FEEDBACK_PORT: '70000',
        GUARDRAILS_ADDR: 'guardrails',
        GUARDRAILS_DEADLINE_MS: '0',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/FEEDBACK_PORT/);
    expect(problems).toMatch(/GUARDRAILS_ADDR: must be host:port/);
    expect(problems).toMatch(/GUARDRAILS_DEADLINE_MS/);
  });
});
