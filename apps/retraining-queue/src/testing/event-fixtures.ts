import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import {
  type ChatTraceRecorded,
  ChatTraceRecordedSchema,
  FeedbackReason,
  type FeedbackSubmitted,
  FeedbackSubmittedSchema,
  Intent,
  Locale,
  Rating,
  Route,
} from '@mangaassist/contracts';
import {
  type OutgoingEvent,
  type ReceivedEvent,
  EVENT_TYPES,
  TOPICS,
  encodeEvent,
} from '@mangaassist/event-bus';

type TraceFields = Partial<Omit<ChatTraceRecorded, '$typeName' | '$unknown'>>;
type FeedbackFields = Partial<Omit<FeedbackSubmitted, '$typeName' | '$unknown'>>;

/** A trace id from a small number, so tests can name traces 1, 2, 3 and sort them. */
export function traceIdOf(n: number): string {
  return n.toString(16).padStart(32, '0').replace(/^0/, 'a');
}

/** A Japanese chat turn about a release date. */
export function japaneseTrace(traceId: string, fields: TraceFields = {}): ChatTraceRecorded {
  return create(ChatTraceRecordedSchema, {
    eventId: `trace-${traceId}`,
    traceId,
    sessionId: 'f'.repeat(32),
    locale: Locale.JA,
    userText: '呪術廻戦の次の巻はいつ発売ですか？',
    intent: Intent.RELEASE_PREORDER,
    confidence: 0.93,
    route: Route.API,
    answer: '次の巻は2025年5月2日発売予定です。',
    occurredAt: timestampFromMs(Date.UTC(2025, 3, 1, 9, 0)),
    ...fields,
  });
}

/** An English chat turn about a price. */
export function englishTrace(traceId: string, fields: TraceFields = {}): ChatTraceRecorded {
  return japaneseTrace(traceId, {
    eventId: `trace-en-${traceId}`,
    locale: Locale.EN,
    userText: 'How much is One Piece volume 107?',
    intent: Intent.AVAILABILITY_PRICE,
    answer: 'One Piece volume 107 costs ¥528.',
    ...fields,
  });
}

export function feedbackOn(
  traceId: string,
  rating: Rating,
  fields: FeedbackFields = {},
): FeedbackSubmitted {
  return create(FeedbackSubmittedSchema, {
    eventId: `feedback-${traceId}-${rating}-${fields.comment ?? ''}`,
    traceId,
    sessionId: 'f'.repeat(32),
    rating,
    reason: rating === Rating.DOWN ? FeedbackReason.WRONG_ANSWER : FeedbackReason.UNSPECIFIED,
    occurredAt: timestampFromMs(Date.UTC(2025, 3, 1, 9, 1)),
    ...fields,
  });
}

export function traceEvent(trace: ChatTraceRecorded): OutgoingEvent {
  return encodeEvent(ChatTraceRecordedSchema, trace, {
    topic: TOPICS.chatTraces,
    key: trace.sessionId,
    eventType: EVENT_TYPES.chatTraceRecorded,
  });
}

export function feedbackEvent(feedback: FeedbackSubmitted, traceparent?: string): OutgoingEvent {
  return encodeEvent(FeedbackSubmittedSchema, feedback, {
    topic: TOPICS.feedback,
    key: feedback.sessionId,
    eventType: EVENT_TYPES.feedbackSubmitted,
    traceparent,
  });
}

let offsets = 0;

/** An outgoing event as the bus would deliver it. */
export function delivered(event: OutgoingEvent, offset = ++offsets): ReceivedEvent {
  return {
    ...event,
    partition: 0,
    offset: String(offset),
    timestamp: new Date(Date.UTC(2025, 3, 1, 9, 2)),
  };
}

/** Seeded bytes that are not a protobuf message, so a failure repeats exactly. */
export function garbageBytes(length: number, seed = 42): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  // 0xff starts an invalid tag (field 31, wire type 7), whatever follows.
  bytes[0] = 0xff;
  return bytes;
}
