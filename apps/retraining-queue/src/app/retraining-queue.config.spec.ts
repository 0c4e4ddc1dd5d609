import { join } from 'node:path';
import { ConfigError } from '@mangaassist/config';
import { loadRetrainingQueueConfig } from './retraining-queue.config';

describe('retraining-queue config', () => {
  it('works with an empty environment', () => {
    const config = loadRetrainingQueueConfig({});
    expect(config).toMatchObject({
      RETRAINING_QUEUE_HOST: '127.0.0.1',
      RETRAINING_QUEUE_PORT: 50057,
      LOG_FORMAT: 'pretty',
      RETRAINING_CONSUMER_GROUP: 'retraining-queue',
    });
    expect(config.EVENT_LOG_PATH.endsWith(join('.var', 'events.db'))).toBe(true);
    expect(config).toMatchObject({ EVENT_BUS: 'local', KAFKA_SESSION_TIMEOUT_MS: 10000 });
    expect(config.RETRAINING_DB_PATH.endsWith(join('.var', 'retraining.db'))).toBe(true);
  });

  it('names a malformed variable', () => {
    let error: unknown;
    try {
      loadRetrainingQueueConfig({
        RETRAINING_CONSUMER_GROUP: 'two words',
        RETRAINING_QUEUE_PORT: 'x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/RETRAINING_CONSUMER_GROUP: must be 1 to 100/);
    expect(problems).toMatch(/RETRAINING_QUEUE_PORT/);
  });
});
