import { randomUUID } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import {
  ChatTraceRecordedSchema,
  FeedbackReason,
  FeedbackSubmittedSchema,
  Intent,
  Locale,
  Rating,
  Route,
} from '@mangaassist/contracts';
import { EVENT_TYPES, type OutgoingEvent, TOPICS, encodeEvent } from '@mangaassist/event-bus';

/** One chat turn and the shopper's rating of it, as the gateway and feedback would publish them. */
export interface RatedTurn {
  traceId: string;
  traceEventId: string;
  feedbackEventId: string;
  trace: OutgoingEvent;
  feedback: OutgoingEvent;
}

/** A W3C trace id that encodes `n`, so a failure names the turn it concerns. */
export function traceIdFor(run: string, n: number): string {
  return `${run}${n.toString(16)}`.padStart(32, 'a').slice(-32);
}

/** Turn `n`: Japanese on even numbers, English on odd ones; every third one a thumbs-up. */
export function ratedTurn(run: string, n: number, sessions = 500): RatedTurn {
  const traceId = traceIdFor(run, n);
  const spanId = (n + 1).toString(16).padStart(16, '0');
  const session = `session-${run}-${n % sessions}`;
  const traceparent = `00-${traceId}-${spanId}-01`;
  const japanese = n % 2 === 0;
  const trace = create(ChatTraceRecordedSchema, {
    eventId: randomUUID(),
    traceId,
    sessionId: session,
    locale: japanese ? Locale.JA : Locale.EN,
    userText: japanese
      ? `ONE PIECEの${n % 110}巻はいくら？`
      : `How much is One Piece volume ${n % 110}?`,
    intent: Intent.AVAILABILITY_PRICE,
    confidence: 0.91,
    route: Route.API,
    answer: japanese ? '528円です。' : 'It costs ¥528.',
    occurredAt: timestampNow(),
  });
  const rating = create(FeedbackSubmittedSchema, {
    eventId: randomUUID(),
    traceId,
    sessionId: session,
    rating: n % 3 === 0 ? Rating.UP : Rating.DOWN,
    reason: n % 3 === 0 ? FeedbackReason.UNSPECIFIED : FeedbackReason.WRONG_ANSWER,
    comment: japanese ? '値段が違います' : 'wrong price',
    occurredAt: timestampNow(),
  });
  return {
    traceId,
    traceEventId: trace.eventId,
    feedbackEventId: rating.eventId,
    trace: encodeEvent(ChatTraceRecordedSchema, trace, {
      topic: TOPICS.chatTraces,
      key: session,
      eventType: EVENT_TYPES.chatTraceRecorded,
      traceparent,
    }),
    feedback: encodeEvent(FeedbackSubmittedSchema, rating, {
      topic: TOPICS.feedback,
      key: session,
      eventType: EVENT_TYPES.feedbackSubmitted,
      traceparent,
    }),
  };
}
