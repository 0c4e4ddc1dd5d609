import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type QueueItem, RetrainingQueueService } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { type RunningStack, SERVICES, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import { type RunningKafka, startKafka } from './lib/kafka-broker';

/**
 * What `npm run start:kafka` runs: every service as its own process, all on one real broker.
 * A shopper's chat turn and thumbs-down reach the retraining queue through Kafka.
 */
describe('the whole stack on Kafka', () => {
  let kafka: RunningKafka;
  let stack: RunningStack;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stack-on-kafka-'));
    kafka = await startKafka();
    const ports: Record<string, number> = {};
    for (const spec of SERVICES) ports[spec.name] = await freePort();
    stack = await startStack({
      root: join(__dirname, '..', '..', '..'),
      ports,
      env: {
        EVENT_BUS: 'kafka',
        KAFKA_BROKERS: kafka.brokers,
        EVENT_OUTBOX_DIR: dir,
        EVENT_LOG_PATH: join(dir, 'events.db'),
        RETRAINING_DB_PATH: join(dir, 'retraining.db'),
        LOG_FORMAT: 'json',
      },
      readyTimeoutMs: 120_000,
    });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function post(
    path: string,
    body: object,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${stack.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  async function queued(traceId: string, timeoutMs: number): Promise<QueueItem> {
    const client = createGrpcClient(RetrainingQueueService, {
      address: `127.0.0.1:${stack.ports['retraining-queue']}`,
      defaultDeadlineMs: 5000,
    });
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [item] = (await client.rpc.listItems({ traceId, pageSize: 1 })).items;
        if (item?.trace && item.feedback.length > 0) return item;
        if (Date.now() > deadline)
          throw new Error(`trace ${traceId} not queued within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      client.close();
    }
  }

  it.each([
    ['Japanese', 'ONE PIECEは何巻まで出ていますか？', '巻数が古いです。連絡先は taro@example.jp'],
    [
      'English',
      'How much is the Kindle edition of Spy x Family?',
      'The price was wrong, call me at 090-1234-5678',
    ],
  ])(
    'queues a %s turn and its thumbs-down within seconds',
    async (_language, message, comment) => {
      const turn = await post('/v1/chat', { message });
      expect(turn.status).toBe(200);
      const traceId = String(turn.json.traceId);
      const rated = Date.now();
      const rating = await post('/v1/feedback', {
        traceId,
        sessionId: turn.json.sessionId,
        rating: 'down',
        reason: 'wrong_answer',
        comment,
      });
      expect(rating.status).toBe(202);

      const item = await queued(traceId, 30_000);
      process.stderr.write(
        `stack-on-kafka: ${traceId} queued ${Date.now() - rated} ms after the rating\n`,
      );
      // The redacted text guardrails returned, NFKC-normalised (full-width ？ becomes ?).
      expect(item.trace?.userText).toBe(message.normalize('NFKC'));
      expect(item.trace?.answer).toBe(turn.json.answer);
      expect(item.feedback).toHaveLength(1);
      expect(item.feedback[0].eventId).toBe(rating.json.eventId);
      // Redacted by guardrails before it was published: no contact details reach Kafka.
      expect(item.feedback[0].comment).not.toMatch(/taro@example\.jp|090-1234-5678/);
    },
    60_000,
  );
});
