import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_MESSAGE_KEY,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_BODY_SIZE,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
  MESSAGING_OPERATION_TYPE_VALUE_SEND,
} from '@opentelemetry/semantic-conventions/incubating';
import type { OutgoingEvent, ReceivedEvent } from '../event-bus';

/** Which bus a span talks to: `kafka`, or `local_log` for the embedded SQLite log. */
export interface MessagingSystem {
  system: string;
  /** The first bootstrap broker, host:port (Kafka only). */
  server?: string;
}

function serverAttributes(bus: MessagingSystem): Attributes {
  if (!bus.server) return {};
  const colon = bus.server.lastIndexOf(':');
  return {
    [ATTR_SERVER_ADDRESS]: bus.server.slice(0, colon),
    [ATTR_SERVER_PORT]: Number(bus.server.slice(colon + 1)),
  };
}

/** Messaging semantic-convention attributes of a `<topic> publish` span. */
export function publishAttributes(bus: MessagingSystem, event: OutgoingEvent): Attributes {
  return {
    [ATTR_MESSAGING_SYSTEM]: bus.system,
    [ATTR_MESSAGING_OPERATION_NAME]: 'publish',
    [ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING_OPERATION_TYPE_VALUE_SEND,
    [ATTR_MESSAGING_DESTINATION_NAME]: event.topic,
    [ATTR_MESSAGING_KAFKA_MESSAGE_KEY]: event.key,
    [ATTR_MESSAGING_MESSAGE_BODY_SIZE]: event.value.byteLength,
    ...serverAttributes(bus),
  };
}

/** Messaging semantic-convention attributes of a `<topic> process` span. */
export function processAttributes(
  bus: MessagingSystem,
  event: ReceivedEvent,
  groupId: string,
): Attributes {
  return {
    [ATTR_MESSAGING_SYSTEM]: bus.system,
    [ATTR_MESSAGING_OPERATION_NAME]: 'process',
    [ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
    [ATTR_MESSAGING_DESTINATION_NAME]: event.topic,
    [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(event.partition),
    [ATTR_MESSAGING_KAFKA_OFFSET]: Number(event.offset),
    [ATTR_MESSAGING_KAFKA_MESSAGE_KEY]: event.key,
    [ATTR_MESSAGING_CONSUMER_GROUP_NAME]: groupId,
    [ATTR_MESSAGING_MESSAGE_BODY_SIZE]: event.value.byteLength,
    ...serverAttributes(bus),
  };
}
