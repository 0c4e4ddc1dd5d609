import { createHash } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DeadLetterSchema } from '@mangaassist/contracts';
import {
  EVENT_TYPES,
  HEADERS,
  type OutgoingEvent,
  type ReceivedEvent,
  TOPICS,
  activeTraceparent,
  encodeEvent,
} from '@mangaassist/event-bus';

/**
 * The dead letter for a message this consumer gives up on: the original key, value and
 * headers untouched, so it can be replayed once the cause is fixed.
 */
export function deadLetterFor(
  event: ReceivedEvent,
  reason: string,
  consumerGroup: string,
  now: Date,
): OutgoingEvent {
  const letter = create(DeadLetterSchema, {
    eventId: deadLetterId(consumerGroup, event),
    sourceTopic: event.topic,
    sourcePartition: event.partition,
    sourceOffset: event.offset,
    key: new TextEncoder().encode(event.key),
    value: event.value,
    headers: event.headers,
    reason,
    consumer: consumerGroup,
    occurredAt: timestampFromDate(now),
  });
  return encodeEvent(DeadLetterSchema, letter, {
    topic: TOPICS.retrainingDlq,
    key: event.key,
    eventType: EVENT_TYPES.deadLetterRecorded,
    // The processing span when tracing is on, so the dead letter hangs under the attempt that
    // gave up; else the context the message came with.
    traceparent: activeTraceparent() ?? event.headers[HEADERS.traceparent],
  });
}

/**
 * A UUID derived from the message's position: if we crash after dead-lettering and before
 * committing, the redelivered message yields a dead letter with the same id, which DLQ
 * readers can dedupe like any other event.
 */
function deadLetterId(consumerGroup: string, event: ReceivedEvent): string {
  const hex = createHash('sha256')
    .update([consumerGroup, event.topic, event.partition, event.offset].join('\u0000'))
    .digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  // Version 8 is RFC 9562's "custom" UUID: name-based without claiming v5's SHA-1.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
