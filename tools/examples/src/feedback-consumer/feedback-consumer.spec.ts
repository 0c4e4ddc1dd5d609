import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import {
  ChatTraceRecordedSchema,
  FeedbackReason,
  FeedbackSubmittedSchema,
  Rating,
} from '@mangaassist/contracts';
import { EVENT_TYPES, type OutgoingEvent, TOPICS, encodeEvent } from '@mangaassist/event-bus';
import type {
  Consumer,
  ConsumerRunConfig,
  ConsumerSubscribeTopics,
  EachMessagePayload,
  Kafka,
  KafkaMessage,
  TopicPartitionOffsetAndMetadata,
} from 'kafkajs';
import { UsageError, parseConsumerArgs } from './consumer-options';
import { type Output, consumeFeedback, decodeFeedback } from './feedback-consumer';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

function feedback(n: number, rating: Rating, comment: string) {
  return create(FeedbackSubmittedSchema, {
    eventId: `event-${n}`,
    traceId: n.toString(16).padStart(32, 'a'),
    sessionId: 'c'.repeat(32),
    rating,
    reason: rating === Rating.DOWN ? FeedbackReason.WRONG_ANSWER : FeedbackReason.UNSPECIFIED,
    comment,
    occurredAt: timestampFromMs(Date.UTC(2025, 3, 1, 9, n)),
  });
}

/** A FeedbackSubmitted encoded by the producers' own codec, with the headers they send. */
function produced(n: number, rating: Rating, comment: string): OutgoingEvent {
  const message = feedback(n, rating, comment);
  return encodeEvent(FeedbackSubmittedSchema, message, {
    topic: TOPICS.feedback,
    key: message.sessionId,
    eventType: EVENT_TYPES.feedbackSubmitted,
    traceparent: TRACEPARENT,
  });
}

/** The message as kafkajs hands it to eachMessage: Buffers for key, value and header values. */
function asDelivered(event: OutgoingEvent, offset: number): KafkaMessage {
  const headers: Record<string, Buffer> = {};
  for (const [name, value] of Object.entries(event.headers)) headers[name] = Buffer.from(value);
  return {
    key: Buffer.from(event.key),
    value: Buffer.from(event.value),
    headers,
    offset: String(offset),
    timestamp: String(Date.UTC(2025, 3, 1, 9, 30)),
    attributes: 0,
  };
}

function payload(message: KafkaMessage, partition = 0): EachMessagePayload {
  return {
    topic: TOPICS.feedback,
    partition,
    message,
    heartbeat: async () => undefined,
    pause: () => () => undefined,
  };
}

describe('decodeFeedback', () => {
  it('prints a Japanese rating as one JSON line with its Kafka position and trace context', () => {
    const decoded = decodeFeedback(
      payload(asDelivered(produced(1, Rating.DOWN, '発売日が違います'), 7)),
    );
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(JSON.parse(decoded.line)).toEqual({
      topic: 'mangaassist.feedback.v1',
      partition: 0,
      offset: '7',
      key: 'c'.repeat(32),
      timestamp: '2025-04-01T09:30:00.000Z',
      traceparent: TRACEPARENT,
      event: {
        event_id: 'event-1',
        trace_id: `${'a'.repeat(31)}1`,
        session_id: 'c'.repeat(32),
        rating: 'RATING_DOWN',
        reason: 'FEEDBACK_REASON_WRONG_ANSWER',
        comment: '発売日が違います',
        occurred_at: '2025-04-01T09:01:00Z',
      },
    });
  });

  it('keeps every field of an English thumbs-up, also the empty ones', () => {
    const decoded = decodeFeedback(payload(asDelivered(produced(2, Rating.UP, ''), 8)));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(JSON.parse(decoded.line).event).toMatchObject({
      rating: 'RATING_UP',
      reason: 'FEEDBACK_REASON_UNSPECIFIED',
      comment: '',
    });
  });

  it.each([
    [
      'bytes that are not protobuf',
      { value: Buffer.from([0xff, 0xff, 0xff]) },
      /not a valid FeedbackSubmitted/,
    ],
    ['an empty value (a tombstone)', { value: null }, /empty value/],
    [
      'a chat trace on the wrong topic',
      {
        value: Buffer.from(
          encodeEvent(ChatTraceRecordedSchema, create(ChatTraceRecordedSchema, { eventId: 'x' }), {
            topic: TOPICS.feedback,
            key: 'k',
            eventType: EVENT_TYPES.chatTraceRecorded,
          }).value,
        ),
        headers: { 'message-type': Buffer.from('mangaassist.events.v1.ChatTraceRecorded') },
      },
      /message-type is mangaassist.events.v1.ChatTraceRecorded/,
    ],
    [
      'valid protobuf without ids',
      { value: Buffer.from([0x20, 0x02]), headers: {} },
      /without event_id or trace_id/,
    ],
  ])('skips %s with the reason', (_name, override, reason) => {
    const message = {
      ...asDelivered(produced(3, Rating.DOWN, 'x'), 9),
      ...override,
    } as KafkaMessage;
    const decoded = decodeFeedback(payload(message));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });
});

/** Just enough of a kafkajs Consumer to replay messages through the example's eachMessage. */
class ReplayConsumer {
  subscribed: ConsumerSubscribeTopics | undefined;
  commits: TopicPartitionOffsetAndMetadata[] = [];
  connected = false;

  constructor(private readonly messages: EachMessagePayload[]) {}

  async connect(): Promise<void> {
    this.connected = true;
  }

  async subscribe(subscription: ConsumerSubscribeTopics): Promise<void> {
    this.subscribed = subscription;
  }

  async run(config: ConsumerRunConfig): Promise<void> {
    expect(config.autoCommit).toBe(false);
    const eachMessage = config.eachMessage;
    if (!eachMessage) throw new Error('expected eachMessage');
    // kafkajs returns from run() at once and delivers in the background.
    setImmediate(async () => {
      for (const m of this.messages) await eachMessage(m);
    });
  }

  async commitOffsets(offsets: TopicPartitionOffsetAndMetadata[]): Promise<void> {
    this.commits.push(...offsets);
  }

  async disconnect(): Promise<void> {
    this.connected = false;
  }
}

describe('consumeFeedback', () => {
  function collect(): Output & { events: string[]; warnings: string[] } {
    const events: string[] = [];
    const warnings: string[] = [];
    return { events, warnings, event: (l) => events.push(l), warn: (t) => warnings.push(t) };
  }

  const messages = [
    payload(asDelivered(produced(1, Rating.DOWN, '値段が違う'), 0)),
    payload({ ...asDelivered(produced(2, Rating.DOWN, ''), 1), value: Buffer.from([0xff, 0x01]) }),
    payload(asDelivered(produced(3, Rating.UP, 'Great answer'), 0), 1),
    payload(asDelivered(produced(4, Rating.DOWN, 'Too slow'), 2)),
    payload(asDelivered(produced(5, Rating.DOWN, 'never read'), 3)),
  ];

  it('prints events, warns about a poison message and keeps going, then stops at --max-events', async () => {
    const consumer = new ReplayConsumer(messages);
    const kafka = { consumer: jest.fn(() => consumer as unknown as Consumer) } as unknown as Kafka;
    const output = collect();
    const printed = await consumeFeedback(
      kafka,
      {
        brokers: ['127.0.0.1:9092'],
        group: 'ds-notebook',
        fromBeginning: true,
        topic: TOPICS.feedback,
        maxEvents: 3,
      },
      output,
    );

    expect(printed).toBe(3);
    expect(kafka.consumer).toHaveBeenCalledWith({ groupId: 'ds-notebook' });
    expect(consumer.subscribed).toEqual({
      topics: ['mangaassist.feedback.v1'],
      fromBeginning: true,
    });
    expect(output.events.map((l) => JSON.parse(l).event.comment)).toEqual([
      '値段が違う',
      'Great answer',
      'Too slow',
    ]);
    expect(output.warnings).toEqual([
      expect.stringMatching(
        /^warning: skipped mangaassist.feedback.v1 partition 0 offset 1: not a valid FeedbackSubmitted/,
      ),
    ]);
    // Handled messages (the poison one too) are committed; the one past the limit is not.
    expect(consumer.commits.map((c) => `${c.partition}@${c.offset}`)).toEqual([
      '0@1',
      '0@2',
      '1@1',
      '0@3',
    ]);
    expect(consumer.connected).toBe(false);
  });

  it('stops when interrupted', async () => {
    const consumer = new ReplayConsumer([]);
    const kafka = { consumer: () => consumer as unknown as Consumer } as unknown as Kafka;
    const stop = new AbortController();
    const done = consumeFeedback(
      kafka,
      {
        brokers: ['127.0.0.1:9092'],
        group: 'g',
        fromBeginning: false,
        topic: TOPICS.feedback,
        maxEvents: 0,
      },
      collect(),
      stop.signal,
    );
    stop.abort();
    await expect(done).resolves.toBe(0);
    expect(consumer.connected).toBe(false);
  });
});

describe('parseConsumerArgs', () => {
  it('reads flags, with KAFKA_BROKERS as the fallback', () => {
    expect(parseConsumerArgs([], {})).toEqual({
      help: false,
      options: {
        brokers: ['127.0.0.1:9092'],
        group: 'mangaassist-feedback-example',
        fromBeginning: false,
        topic: 'mangaassist.feedback.v1',
        maxEvents: 0,
      },
    });
    expect(
      parseConsumerArgs(
        [
          '--brokers',
          'k1:9092, k2:9093',
          '--group',
          'ds.team',
          '--from-beginning',
          '--max-events',
          '10',
        ],
        {
          KAFKA_BROKERS: 'ignored:1',
        },
      ),
    ).toMatchObject({
      options: {
        brokers: ['k1:9092', 'k2:9093'],
        group: 'ds.team',
        fromBeginning: true,
        maxEvents: 10,
      },
    });
    expect(parseConsumerArgs([], { KAFKA_BROKERS: 'kafka:9092' })).toMatchObject({
      options: { brokers: ['kafka:9092'] },
    });
    expect(parseConsumerArgs(['--help'], {})).toEqual({ help: true });
  });

  it.each([
    [['--brokers', 'kafka'], /--brokers must be a comma-separated list of host:port/],
    [['--group', 'two words'], /--group must be/],
    [['--max-events=-1'], /--max-events must be a whole number/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseConsumerArgs(argv, {})).toThrow(UsageError);
    expect(() => parseConsumerArgs(argv, {})).toThrow(message);
  });
});
