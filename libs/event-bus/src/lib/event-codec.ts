import { type DescMessage, type MessageShape, fromBinary, toBinary } from '@bufbuild/protobuf';
import type { OutgoingEvent, ReceivedEvent } from './event-bus';
import { HEADERS, PROTOBUF_CONTENT_TYPE } from './topics';

export interface EncodeOptions {
  topic: string;
  key: string;
  eventType: string;
  traceparent?: string;
}

/** A protobuf event ready to publish, with the headers every consumer relies on. */
export function encodeEvent<D extends DescMessage>(
  schema: D,
  message: MessageShape<D>,
  options: EncodeOptions,
): OutgoingEvent {
  const headers: Record<string, string> = {
    [HEADERS.eventType]: options.eventType,
    [HEADERS.messageType]: schema.typeName,
    [HEADERS.contentType]: PROTOBUF_CONTENT_TYPE,
  };
  if (options.traceparent) headers[HEADERS.traceparent] = options.traceparent;
  return { topic: options.topic, key: options.key, value: toBinary(schema, message), headers };
}

export class UndecodableEventError extends Error {
  override readonly name = 'UndecodableEventError';
}

/**
 * Decodes a received event as the given message, refusing a value whose message-type header
 * names another message or whose bytes are not valid protobuf. The caller dead-letters it.
 */
export function decodeEvent<D extends DescMessage>(
  schema: D,
  event: ReceivedEvent,
): MessageShape<D> {
  const declared = event.headers[HEADERS.messageType];
  if (declared !== undefined && declared !== schema.typeName) {
    throw new UndecodableEventError(
      `message-type header is ${declared}, expected ${schema.typeName}`,
    );
  }
  try {
    return fromBinary(schema, event.value);
  } catch (error) {
    throw new UndecodableEventError(`not a valid ${schema.typeName}: ${(error as Error).message}`);
  }
}
