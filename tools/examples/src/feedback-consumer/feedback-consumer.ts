// An example for data scientists: read shoppers' ratings from Kafka and print them as JSON
// lines. Copy this file and the generated schema (feedback_pb.ts, see docs/data-contract.md)
// into your own project; it needs only kafkajs and @bufbuild/protobuf.
import { fromBinary, toJson } from '@bufbuild/protobuf';
import { type FeedbackSubmitted, FeedbackSubmittedSchema } from '@mangaassist/contracts';
import type { EachMessagePayload, IHeaders, Kafka } from 'kafkajs';

export const FEEDBACK_TOPIC = 'mangaassist.feedback.v1';

export interface FeedbackConsumerOptions {
  brokers: string[];
  /** Consumer group: the same group resumes where it stopped; a new one starts over. */
  group: string;
  /** Where a group without committed offsets starts: the oldest retained event, or new ones only. */
  fromBeginning: boolean;
  topic: string;
  /** Stop after this many events (0: run until interrupted). */
  maxEvents: number;
}

/** Where the consumer's output goes: events as JSON lines, warnings as text. */
export interface Output {
  event(line: string): void;
  warn(text: string): void;
}

/** What one Kafka message turned into: a printable event, or why it was skipped. */
export type Decoded = { ok: true; line: string } | { ok: false; reason: string };

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/**
 * Decodes one message of the feedback topic. A message is skipped, with the reason, when it
 * has no value, says in its `message-type` header that it is something else, is not valid
 * protobuf, or lacks the ids every rating carries.
 */
export function decodeFeedback(
  payload: Pick<EachMessagePayload, 'topic' | 'partition' | 'message'>,
): Decoded {
  const { message } = payload;
  if (!message.value || message.value.length === 0) return { ok: false, reason: 'empty value' };
  const messageType = header(message.headers, 'message-type');
  if (messageType !== undefined && messageType !== FeedbackSubmittedSchema.typeName) {
    return {
      ok: false,
      reason: `message-type is ${messageType}, not ${FeedbackSubmittedSchema.typeName}`,
    };
  }
  let feedback: FeedbackSubmitted;
  try {
    feedback = fromBinary(FeedbackSubmittedSchema, message.value);
  } catch (error) {
    return { ok: false, reason: `not a valid FeedbackSubmitted: ${(error as Error).message}` };
  }
  if (feedback.eventId === '' || feedback.traceId === '') {
    return { ok: false, reason: 'decoded, but without event_id or trace_id' };
  }
  const line = {
    topic: payload.topic,
    partition: payload.partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    timestamp: new Date(Number(message.timestamp)).toISOString(),
    traceparent: header(message.headers, 'traceparent') ?? null,
    // Proto field names and every field, also the empty ones, so each line has the same keys.
    event: toJson(FeedbackSubmittedSchema, feedback, {
      useProtoFieldName: true,
      alwaysEmitImplicit: true,
    }),
  };
  return { ok: true, line: JSON.stringify(line) };
}

/** Handles one message: prints it, or warns and moves on so one bad message never stops the reader. */
export function handleMessage(payload: EachMessagePayload, output: Output): boolean {
  const decoded = decodeFeedback(payload);
  if (decoded.ok) {
    output.event(decoded.line);
  } else {
    output.warn(
      `warning: skipped ${payload.topic} partition ${payload.partition} offset ${payload.message.offset}: ${decoded.reason}`,
    );
  }
  return decoded.ok;
}

/**
 * Reads the topic until `maxEvents` events were printed or the signal fires. Each message's
 * offset is committed right after it was handled (printed or skipped), so a restart with the
 * same group resumes after the last handled message and never past an unhandled one. Delivery
 * is at least once: dedupe by event_id downstream.
 */
export async function consumeFeedback(
  kafka: Kafka,
  options: FeedbackConsumerOptions,
  output: Output,
  signal?: AbortSignal,
): Promise<number> {
  const consumer = kafka.consumer({ groupId: options.group });
  let printed = 0;
  const limitReached = () => options.maxEvents > 0 && printed >= options.maxEvents;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  signal?.addEventListener('abort', () => finish(), { once: true });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [options.topic], fromBeginning: options.fromBeginning });
    await consumer.run({
      // Committing per message is the simplest correct pattern; for a high-volume topic commit
      // per batch (eachBatch) instead.
      autoCommit: false,
      eachMessage: async (payload) => {
        // Left uncommitted, so the next run with this group starts here.
        if (limitReached() || signal?.aborted) return;
        if (handleMessage(payload, output)) printed++;
        await consumer.commitOffsets([
          {
            topic: payload.topic,
            partition: payload.partition,
            offset: (BigInt(payload.message.offset) + 1n).toString(),
          },
        ]);
        if (limitReached()) finish();
      },
    });
    if (!signal?.aborted) await finished;
  } finally {
    await consumer.disconnect();
  }
  return printed;
}
