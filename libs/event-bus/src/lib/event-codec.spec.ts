import { create } from '@bufbuild/protobuf';
import { FeedbackSubmittedSchema, Rating, ChatTraceRecordedSchema } from '@mangaassist/contracts';
import { UndecodableEventError, decodeEvent, encodeEvent } from './event-codec';
import type { ReceivedEvent } from './event-bus';

function received(value: Uint8Array, headers: Record<string, string>): ReceivedEvent {
  return {
    topic: 't',
    partition: 0,
    offset: '1',
    key: 'k',
    value,
    headers,
    timestamp: new Date(0),
  };
}

describe('event codec', () => {
  const feedback = create(FeedbackSubmittedSchema, {
    eventId: 'e1',
    traceId: 'a'.repeat(32),
    rating: Rating.DOWN,
    comment: '巻数が違う',
  });

  it('round-trips a protobuf event with its type headers', () => {
    const out = encodeEvent(FeedbackSubmittedSchema, feedback, {
      topic: 't',
      key: 'k',
      eventType: 'feedback.submitted',
      traceparent: '00-x-y-01',
    });
    expect(out.headers).toMatchObject({
      'event-type': 'feedback.submitted',
      'message-type': 'mangaassist.events.v1.FeedbackSubmitted',
      traceparent: '00-x-y-01',
    });
    const back = decodeEvent(FeedbackSubmittedSchema, received(out.value, out.headers));
    expect(back.comment).toBe('巻数が違う');
    expect(back.rating).toBe(Rating.DOWN);
  });

  it('refuses bytes that are not protobuf', () => {
    expect(() =>
      decodeEvent(FeedbackSubmittedSchema, received(new Uint8Array([0xff, 0xff, 0xff]), {})),
    ).toThrow(UndecodableEventError);
  });

  it('refuses a value declared as another message type', () => {
    const out = encodeEvent(FeedbackSubmittedSchema, feedback, {
      topic: 't',
      key: 'k',
      eventType: 'feedback.submitted',
    });
    expect(() => decodeEvent(ChatTraceRecordedSchema, received(out.value, out.headers))).toThrow(
      /expected mangaassist.events.v1.ChatTraceRecorded/,
    );
  });
});
