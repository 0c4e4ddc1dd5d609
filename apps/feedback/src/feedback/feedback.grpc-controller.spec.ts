import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import {
  FeedbackReason,
  FeedbackService,
  FeedbackSubmittedSchema,
  Rating,
  type SubmitRequest,
} from '@mangaassist/contracts';
import {
  HEADERS,
  SqliteEventLog,
  TOPICS,
  decodeEvent,
  pseudonymizeSessionId,
} from '@mangaassist/event-bus';
import {
  type GrpcClientHandle,
  createGrpcClient,
  createHealthClient,
  isServing,
  startGrpcService,
} from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { INestMicroservice } from '@nestjs/common';
import type { SubmitRequestSchema } from '@mangaassist/contracts';
import { AppModule } from '../app/app.module';
import { loadFeedbackConfig } from '../app/feedback.config';
import { type FakeGuardrailsCalls, startFakeGuardrails } from '../testing/fake-guardrails.server';

type Fields = Partial<Omit<SubmitRequest, '$typeName' | '$unknown'>>;
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const TRACEPARENT = `00-${TRACE_ID}-b7ad6b7169203331-01`;
const KEY = 'contract-test-key';

type Request = MessageInitShape<typeof SubmitRequestSchema>;

async function startFeedback(env: Record<string, string>) {
  const port = await freePort();
  const config = loadFeedbackConfig({ ...env, FEEDBACK_PORT: String(port), LOG_FORMAT: 'json' });
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
    defaultDeadlineMs: 5000,
  });
  return { app, client, address: `127.0.0.1:${port}` };
}

describe('FeedbackService over gRPC', () => {
  let dir: string;
  let guardrails: INestMicroservice;
  let guardrailsCalls: FakeGuardrailsCalls;
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof FeedbackService>;
  let address: string;
  let log: SqliteEventLog;

  const base: Request = {
    traceId: TRACE_ID,
    sessionId: 'web-session-1',
    rating: Rating.DOWN,
    reason: FeedbackReason.WRONG_ANSWER,
  };

  function feedbackEvents() {
    return log.readAll(TOPICS.feedback).map((e) => ({
      received: e,
      event: decodeEvent(FeedbackSubmittedSchema, e),
    }));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feedback-contract-'));
    const guardrailsPort = await freePort();
    ({ app: guardrails, calls: guardrailsCalls } = await startFakeGuardrails(guardrailsPort));
    const eventLogPath = join(dir, 'events.db');
    ({ app, client, address } = await startFeedback({
      EVENT_LOG_PATH: eventLogPath,
      GUARDRAILS_ADDR: `127.0.0.1:${guardrailsPort}`,
      SESSION_PSEUDONYM_KEY: KEY,
    }));
    log = new SqliteEventLog(eventLogPath);
  });

  afterAll(async () => {
    client.close();
    await app.close();
    await guardrails.close();
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports SERVING on the health service', async () => {
    const health = createHealthClient(address);
    await expect(isServing(health, FeedbackService.typeName)).resolves.toBe(true);
    health.close();
  });

  it('records a Japanese thumbs-down with its comment redacted by guardrails', async () => {
    const reply = await client.rpc.submit({
      ...base,
      reason: FeedbackReason.WRONG_ITEM,
      comment: '別のシリーズの話でした。090-1234-5678 に連絡ください',
    });
    const stored = feedbackEvents().find((e) => e.event.eventId === reply.eventId);
    expect(stored?.event).toMatchObject({
      traceId: TRACE_ID,
      sessionId: pseudonymizeSessionId(KEY, 'web-session-1'),
      rating: Rating.DOWN,
      reason: FeedbackReason.WRONG_ITEM,
      comment: '別のシリーズの話でした。[PHONE] に連絡ください',
    });
    expect(stored?.received.key).toBe(pseudonymizeSessionId(KEY, 'web-session-1'));
    expect(guardrailsCalls.texts).toContain('別のシリーズの話でした。090-1234-5678 に連絡ください');
  });

  it('records an English thumbs-up and forwards the traceparent metadata', async () => {
    const reply = await client.rpc.submit(
      {
        ...base,
        rating: Rating.UP,
        reason: FeedbackReason.UNSPECIFIED,
        comment: 'Spot on, thanks! (me: reader@example.org)',
      },
      { metadata: { traceparent: TRACEPARENT } },
    );
    const stored = feedbackEvents().find((e) => e.event.eventId === reply.eventId);
    expect(stored?.event.comment).toBe('Spot on, thanks! (me: [EMAIL])');
    expect(stored?.event.rating).toBe(Rating.UP);
    expect(stored?.received.headers[HEADERS.traceparent]).toBe(TRACEPARENT);
    expect(stored?.received.headers[HEADERS.eventType]).toBe('feedback.submitted');
    expect(guardrailsCalls.traceparents.at(-1)).toBe(TRACEPARENT);
  });

  it.each<[string, Fields, RegExp]>([
    ['a short trace id', { traceId: 'abc' }, /trace_id: must be 32 lowercase hex/],
    ['an all-zero trace id', { traceId: '0'.repeat(32) }, /trace_id: must not be all zeros/],
    ['an empty session id', { sessionId: '' }, /session_id: must not be empty/],
    ['a Japanese session id', { sessionId: 'セッション' }, /session_id: may only contain/],
    ['a 129-character session id', { sessionId: 's'.repeat(129) }, /session_id: must be at most/],
    ['no rating', { rating: Rating.UNSPECIFIED }, /rating: must be RATING_UP or RATING_DOWN/],
    ['an unknown reason', { reason: 99 as FeedbackReason }, /reason: unknown value 99/],
    ['a 1,001-character comment', { comment: '長'.repeat(1001) }, /comment: must be at most 1,000/],
    ['a 10,000-character comment', { comment: 'x'.repeat(10_000) }, /comment: must be at most/],
  ])('answers INVALID_ARGUMENT for %s', async (_name, overrides, message) => {
    const before = feedbackEvents().length;
    await expect(client.rpc.submit({ ...base, ...overrides })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringMatching(message),
    });
    expect(feedbackEvents()).toHaveLength(before);
  });

  it('survives odd comments: emoji only and control characters', async () => {
    for (const comment of ['👎👎', 'bad\u0007\u0000answer']) {
      const reply = await client.rpc.submit({ ...base, comment });
      expect(feedbackEvents().some((e) => e.event.eventId === reply.eventId)).toBe(true);
    }
  });
});

describe('FeedbackService without a reachable guardrails service', () => {
  let dir: string;
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof FeedbackService>;
  let log: SqliteEventLog;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feedback-noguard-'));
    const eventLogPath = join(dir, 'events.db');
    ({ app, client } = await startFeedback({
      EVENT_LOG_PATH: eventLogPath,
      // A port nothing listens on: a real connection failure, not a fake.
      GUARDRAILS_ADDR: `127.0.0.1:${await freePort()}`,
    }));
    log = new SqliteEventLog(eventLogPath);
  });

  afterAll(async () => {
    client.close();
    await app.close();
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers UNAVAILABLE and stores nothing for a comment it cannot redact', async () => {
    await expect(
      client.rpc.submit({
        traceId: TRACE_ID,
        sessionId: 'web-session-2',
        rating: Rating.DOWN,
        comment: 'メールは hanako@example.jp です',
      }),
    ).rejects.toMatchObject({ code: status.UNAVAILABLE });
    expect(log.readAll(TOPICS.feedback)).toHaveLength(0);
  });

  it('still records a rating without a comment, which needs no redaction', async () => {
    const reply = await client.rpc.submit({
      traceId: TRACE_ID,
      sessionId: 'web-session-2',
      rating: Rating.UP,
    });
    const events = log.readAll(TOPICS.feedback).map((e) => decodeEvent(FeedbackSubmittedSchema, e));
    expect(events.map((e) => e.eventId)).toEqual([reply.eventId]);
  });
});
