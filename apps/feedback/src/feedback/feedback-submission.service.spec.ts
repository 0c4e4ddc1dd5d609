import { create } from '@bufbuild/protobuf';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { status } from '@grpc/grpc-js';
import {
  FeedbackReason,
  FeedbackSubmittedSchema,
  Rating,
  type SubmitRequest,
  SubmitRequestSchema,
} from '@mangaassist/contracts';
import {
  DEVELOPMENT_PSEUDONYM_KEY,
  type EventPublisher,
  HEADERS,
  type OutgoingEvent,
  type ReceivedEvent,
  TOPICS,
  decodeEvent,
  pseudonymizeSessionId,
} from '@mangaassist/event-bus';
import { RpcException } from '@nestjs/microservices';
import type { CommentRedactor, RedactionContext } from './comment-redactor';
import { FeedbackSubmissionService } from './feedback-submission.service';

type Fields = Partial<Omit<SubmitRequest, '$typeName' | '$unknown'>>;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const KEY = 'test-pseudonym-key';
const NOW = new Date('2025-04-01T09:30:00.000Z');

/** Redacts e-mail addresses like guardrails does and records what it was asked. */
class FakeRedactor implements CommentRedactor {
  readonly calls: { comment: string; context?: RedactionContext }[] = [];
  failure: Error | undefined;

  async redact(comment: string, context?: RedactionContext): Promise<string> {
    this.calls.push({ comment, context });
    if (this.failure) throw this.failure;
    return comment.replace(/[\w.+-]+@[\w.-]+\.\w+/g, '[EMAIL]');
  }
}

/** Holds each publish open until the test settles it, to observe the reply's ordering. */
class ControlledPublisher implements EventPublisher {
  readonly published: OutgoingEvent[] = [];
  private pending: { resolve: () => void; reject: (e: Error) => void } | undefined;

  publish(events: readonly OutgoingEvent[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending = {
        resolve: () => {
          this.published.push(...events);
          resolve();
        },
        reject,
      };
    });
  }

  get waiting(): boolean {
    return this.pending !== undefined;
  }

  settle(error?: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    if (error) pending?.reject(error);
    else pending?.resolve();
  }

  async close(): Promise<void> {
    return undefined;
  }
}

/** Publishes at once, as a healthy durable log does. */
class ImmediatePublisher implements EventPublisher {
  readonly published: OutgoingEvent[] = [];
  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    this.published.push(...events);
  }
  async close(): Promise<void> {
    return undefined;
  }
}

function request(overrides: Fields = {}): SubmitRequest {
  return create(SubmitRequestSchema, {
    traceId: TRACE_ID,
    sessionId: 'session-42',
    rating: Rating.DOWN,
    reason: FeedbackReason.WRONG_ANSWER,
    comment: '',
    ...overrides,
  });
}

function asReceived(event: OutgoingEvent): ReceivedEvent {
  return { ...event, partition: 0, offset: '1', timestamp: NOW };
}

function grpcCode(error: unknown): number | undefined {
  return error instanceof RpcException ? (error.getError() as { code: number }).code : undefined;
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

describe('FeedbackSubmissionService', () => {
  let redactor: FakeRedactor;
  let publisher: ImmediatePublisher;
  let service: FeedbackSubmissionService;

  beforeEach(() => {
    redactor = new FakeRedactor();
    publisher = new ImmediatePublisher();
    service = new FeedbackSubmissionService(redactor, publisher, {
      pseudonymKey: KEY,
      clock: () => NOW,
    });
  });

  it('publishes a Japanese thumbs-down with its redacted comment to the feedback topic', async () => {
    const eventId = await service.submit(
      request({ comment: '値段が違います。連絡は taro.yamada@example.jp まで' }),
    );

    expect(publisher.published).toHaveLength(1);
    const [out] = publisher.published;
    expect(out.topic).toBe(TOPICS.feedback);
    expect(out.headers[HEADERS.eventType]).toBe('feedback.submitted');
    const event = decodeEvent(FeedbackSubmittedSchema, asReceived(out));
    expect(event.eventId).toBe(eventId);
    expect(eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(event.traceId).toBe(TRACE_ID);
    expect(event.rating).toBe(Rating.DOWN);
    expect(event.reason).toBe(FeedbackReason.WRONG_ANSWER);
    expect(event.comment).toBe('値段が違います。連絡は [EMAIL] まで');
    expect(event.occurredAt && timestampDate(event.occurredAt)).toEqual(NOW);
    expect(redactor.calls.map((c) => c.comment)).toEqual([
      '値段が違います。連絡は taro.yamada@example.jp まで',
    ]);
  });

  it('publishes an English thumbs-up and redacts its comment', async () => {
    await service.submit(
      request({
        rating: Rating.UP,
        reason: FeedbackReason.UNSPECIFIED,
        comment: 'Great pick! Mail me at jane@example.com',
      }),
    );
    const event = decodeEvent(FeedbackSubmittedSchema, asReceived(publisher.published[0]));
    expect(event.rating).toBe(Rating.UP);
    expect(event.comment).toBe('Great pick! Mail me at [EMAIL]');
  });

  it('keys and labels the event with the pseudonymous session id, never the real one', async () => {
    await service.submit(request({ sessionId: 'session-42' }));
    const [out] = publisher.published;
    const pseudonym = pseudonymizeSessionId(KEY, 'session-42');
    expect(out.key).toBe(pseudonym);
    expect(decodeEvent(FeedbackSubmittedSchema, asReceived(out)).sessionId).toBe(pseudonym);
    expect(Buffer.from(out.value).includes('session-42')).toBe(false);
  });

  it('gives every submission its own event id', async () => {
    const a = await service.submit(request());
    const b = await service.submit(request());
    expect(a).not.toBe(b);
  });

  it('skips redaction for an empty or blank comment', async () => {
    await service.submit(request({ comment: '' }));
    await service.submit(request({ comment: ' \n\t ' }));
    expect(redactor.calls).toHaveLength(0);
    expect(
      publisher.published.map((e) => decodeEvent(FeedbackSubmittedSchema, asReceived(e)).comment),
    ).toEqual(['', '']);
  });

  it('fails with UNAVAILABLE and stores nothing when redaction fails', async () => {
    redactor.failure = new Error('14 UNAVAILABLE: No connection established');
    const error = await service
      .submit(request({ comment: '電話は 090-1234-5678 です' }))
      .catch((e: unknown) => e);
    expect(grpcCode(error)).toBe(status.UNAVAILABLE);
    expect(publisher.published).toHaveLength(0);
  });

  it('rejects an invalid request before calling guardrails or publishing', async () => {
    const error = await service
      .submit(request({ traceId: 'nope', comment: 'wrong volume' }))
      .catch((e: unknown) => e);
    expect(grpcCode(error)).toBe(status.INVALID_ARGUMENT);
    expect(redactor.calls).toHaveLength(0);
    expect(publisher.published).toHaveLength(0);
  });

  it('answers only after the publish resolved', async () => {
    const controlled = new ControlledPublisher();
    const slow = new FeedbackSubmissionService(redactor, controlled, { pseudonymKey: KEY });
    let answered = false;
    const reply = slow.submit(request({ comment: 'wrong price' })).then((id) => {
      answered = true;
      return id;
    });
    await flush();
    expect(controlled.waiting).toBe(true);
    expect(answered).toBe(false);

    controlled.settle();
    const eventId = await reply;
    expect(answered).toBe(true);
    expect(decodeEvent(FeedbackSubmittedSchema, asReceived(controlled.published[0])).eventId).toBe(
      eventId,
    );
  });

  it('fails with UNAVAILABLE and no event id when the publish fails', async () => {
    const controlled = new ControlledPublisher();
    const failing = new FeedbackSubmissionService(redactor, controlled, { pseudonymKey: KEY });
    const reply = failing.submit(request()).catch((e: unknown) => e);
    await flush();
    controlled.settle(new Error('SQLITE_BUSY: database is locked'));
    const error = await reply;
    expect(grpcCode(error)).toBe(status.UNAVAILABLE);
    expect(controlled.published).toHaveLength(0);
  });

  it('forwards the traceparent to the event headers and to guardrails', async () => {
    await service.submit(request({ comment: 'ネタバレがありました' }), {
      traceparent: TRACEPARENT,
    });
    expect(publisher.published[0].headers[HEADERS.traceparent]).toBe(TRACEPARENT);
    expect(redactor.calls[0].context?.traceparent).toBe(TRACEPARENT);
  });

  it('sets no traceparent header when the caller sent none', async () => {
    await service.submit(request());
    expect(publisher.published[0].headers).not.toHaveProperty(HEADERS.traceparent);
  });

  it.each([
    ['emoji only', '👎👎👎'],
    ['control characters', 'bad\u0007answer\u0000'],
    ['a lone surrogate', 'wrong \ud800 volume'],
    ['1,000 mixed characters', 'あa😀'.repeat(333)],
  ])('publishes a comment with %s without crashing', async (_name, comment) => {
    await service.submit(request({ comment }));
    const event = decodeEvent(FeedbackSubmittedSchema, asReceived(publisher.published[0]));
    expect(event.comment.length).toBeGreaterThan(0);
  });

  it('works with the development key as well', async () => {
    const dev = new FeedbackSubmissionService(redactor, publisher, {
      pseudonymKey: DEVELOPMENT_PSEUDONYM_KEY,
    });
    await dev.submit(request());
    expect(publisher.published[0].key).toBe(
      pseudonymizeSessionId(DEVELOPMENT_PSEUDONYM_KEY, 'session-42'),
    );
  });
});
