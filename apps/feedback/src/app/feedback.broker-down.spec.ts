import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedbackService, FeedbackSubmittedSchema, Rating } from '@mangaassist/contracts';
import { SqliteOutbox, TOPICS, decodeEvent, outboxPath } from '@mangaassist/event-bus';
import { createGrpcClient, startGrpcService } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import { AppModule } from './app.module';
import { loadFeedbackConfig } from './feedback.config';

describe('feedback on Kafka with the broker unreachable', () => {
  it('answers Submit once the rating is in its outbox, and keeps it there for the broker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-outbox-'));
    const port = await freePort();
    // Nothing listens on the broker port: every send is refused, as with a stopped broker.
    const config = loadFeedbackConfig({
      FEEDBACK_PORT: String(port),
      EVENT_BUS: 'kafka',
      KAFKA_BROKERS: `127.0.0.1:${await freePort()}`,
      KAFKA_SEND_TIMEOUT_MS: '2000',
      EVENT_OUTBOX_DIR: dir,
      LOG_FORMAT: 'json',
    });
    const app = await startGrpcService({
      name: 'feedback',
      module: AppModule.forConfig(config),
      services: [FeedbackService],
      host: config.FEEDBACK_HOST,
      port,
      logFormat: config.LOG_FORMAT,
    });
    const client = createGrpcClient(FeedbackService, {
      address: `127.0.0.1:${port}`,
      defaultDeadlineMs: 10_000,
    });
    const traceIds = ['0af7651916cd43dd8448eb211c80319c', '1bf7651916cd43dd8448eb211c80319d'];
    const replies: { eventId: string }[] = [];
    for (const traceId of traceIds) {
      // No comment, so no guardrails call is needed: only the event bus is in the way.
      replies.push(await client.rpc.submit({ traceId, sessionId: 'web-1', rating: Rating.DOWN }));
    }
    client.close();
    await app.close();

    const outbox = new SqliteOutbox(outboxPath(config, 'feedback'), 10);
    const kept = outbox.peek(10).map(({ event }) =>
      decodeEvent(FeedbackSubmittedSchema, {
        ...event,
        partition: 0,
        offset: '0',
        timestamp: new Date(),
      }),
    );
    const topics = outbox.peek(10).map(({ event }) => event.topic);
    outbox.close();
    expect(topics).toEqual([TOPICS.feedback, TOPICS.feedback]);
    expect(kept.map((e) => [e.traceId, e.eventId])).toEqual(
      traceIds.map((traceId, i) => [traceId, replies[i].eventId]),
    );
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
