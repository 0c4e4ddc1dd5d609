import { create, toBinary } from '@bufbuild/protobuf';
import {
  type ChatTraceRecorded,
  ChatTraceRecordedSchema,
  type DeadLetter,
  DeadLetterSchema,
  type FeedbackSubmitted,
  Rating,
} from '@mangaassist/contracts';
import {
  type EventPublisher,
  HEADERS,
  type ReceivedEvent,
  SqliteEventLog,
  TOPICS,
  decodeEvent,
  encodeEvent,
} from '@mangaassist/event-bus';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import type { QueueStore, RecordOutcome } from '../queue/queue-store';
import {
  delivered,
  englishTrace,
  feedbackEvent,
  feedbackOn,
  garbageBytes,
  japaneseTrace,
  traceEvent,
  traceIdOf,
} from '../testing/event-fixtures';
import { IngestionService } from './ingestion.service';

const GROUP = 'retraining-queue-test';
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const ALL = { onlyNegative: false, limit: 100 };

describe('IngestionService', () => {
  let store: SqliteQueueStore;
  let log: SqliteEventLog;
  let ingestion: IngestionService;

  beforeEach(() => {
    store = new SqliteQueueStore(':memory:');
    log = new SqliteEventLog(':memory:');
    ingestion = new IngestionService(store, log, {
      consumerGroup: GROUP,
      clock: () => new Date(Date.UTC(2025, 3, 1, 12, 0)),
    });
  });

  afterEach(async () => {
    await store.close();
    await log.close();
  });

  function deadLetters(): { event: ReceivedEvent; letter: DeadLetter }[] {
    return log
      .readAll(TOPICS.retrainingDlq)
      .map((event) => ({ event, letter: decodeEvent(DeadLetterSchema, event) }));
  }

  it('joins a Japanese trace with the feedback that follows it', async () => {
    const id = traceIdOf(1);
    await expect(ingestion.handle(delivered(traceEvent(japaneseTrace(id))))).resolves.toBe(
      'stored',
    );
    await expect(
      ingestion.handle(
        delivered(feedbackEvent(feedbackOn(id, Rating.DOWN, { comment: '違う巻' }))),
      ),
    ).resolves.toBe('stored');
    const [item] = await store.listItems(ALL);
    expect(item.trace?.userText).toBe('呪術廻戦の次の巻はいつ発売ですか？');
    expect(item.feedback.map((f) => f.comment)).toEqual(['違う巻']);
  });

  it('joins English feedback with a trace that arrives after it', async () => {
    const id = traceIdOf(2);
    await ingestion.handle(
      delivered(feedbackEvent(feedbackOn(id, Rating.UP, { comment: 'Nice' }))),
    );
    expect((await store.listItems(ALL))[0].trace).toBeUndefined();
    await ingestion.handle(delivered(traceEvent(englishTrace(id))));
    const [item] = await store.listItems(ALL);
    expect(item.trace?.userText).toBe('How much is One Piece volume 107?');
    expect(item.feedback.map((f) => f.comment)).toEqual(['Nice']);
  });

  it('stores a redelivered event once', async () => {
    const event = delivered(feedbackEvent(feedbackOn(traceIdOf(3), Rating.DOWN)));
    await expect(ingestion.handle(event)).resolves.toBe('stored');
    await expect(ingestion.handle(event)).resolves.toBe('duplicate');
    await expect(ingestion.handle({ ...event, offset: '999' })).resolves.toBe('duplicate');
    expect((await store.listItems(ALL))[0].feedback).toHaveLength(1);
  });

  it('dead-letters random bytes whole, with the reason and the consumer group', async () => {
    const value = garbageBytes(64);
    const poison: ReceivedEvent = {
      topic: TOPICS.feedback,
      partition: 0,
      offset: '17',
      key: 'セッション-key',
      value,
      headers: { [HEADERS.traceparent]: TRACEPARENT, 'x-origin': 'test' },
      timestamp: new Date(0),
    };
    await expect(ingestion.handle(poison)).resolves.toBe('dead-lettered');

    const [{ event, letter }] = deadLetters();
    expect(letter).toMatchObject({
      sourceTopic: TOPICS.feedback,
      sourcePartition: 0,
      sourceOffset: '17',
      consumer: GROUP,
      headers: { [HEADERS.traceparent]: TRACEPARENT, 'x-origin': 'test' },
    });
    expect(letter.reason).toMatch(/^not a valid mangaassist.events.v1.FeedbackSubmitted/);
    expect(new TextDecoder().decode(letter.key)).toBe('セッション-key');
    expect([...letter.value]).toEqual([...value]);
    expect(letter.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(event.key).toBe('セッション-key');
    expect(event.headers[HEADERS.eventType]).toBe('dead_letter.recorded');
    expect(event.headers[HEADERS.traceparent]).toBe(TRACEPARENT);
    expect(await store.listItems(ALL)).toEqual([]);
  });

  it('dead-letters a valid protobuf declared as another message type', async () => {
    const trace = japaneseTrace(traceIdOf(4));
    const wrongTopic = { ...traceEvent(trace), topic: TOPICS.feedback };
    await expect(ingestion.handle(delivered(wrongTopic))).resolves.toBe('dead-lettered');
    expect(deadLetters()[0].letter.reason).toBe(
      'message-type header is mangaassist.events.v1.ChatTraceRecorded, expected mangaassist.events.v1.FeedbackSubmitted',
    );
  });

  it('dead-letters a protobuf of another type sent without headers, as it fails validation', async () => {
    const other = create(DeadLetterSchema, {
      eventId: 'x',
      sourceTopic: 'some.topic',
      reason: 'r',
    });
    const event = delivered({
      topic: TOPICS.feedback,
      key: 'k',
      value: toBinary(DeadLetterSchema, other),
      headers: {},
    });
    await expect(ingestion.handle(event)).resolves.toBe('dead-lettered');
    expect(deadLetters()[0].letter.reason).toBe('trace_id is not 32 lowercase hex characters');
  });

  it.each<[string, () => ReceivedEvent, string]>([
    [
      'feedback without a rating',
      () => delivered(feedbackEvent(feedbackOn(traceIdOf(5), Rating.UNSPECIFIED))),
      'rating 0 is neither RATING_UP nor RATING_DOWN',
    ],
    [
      'feedback without an event id',
      () => delivered(feedbackEvent(feedbackOn(traceIdOf(5), Rating.UP, { eventId: '' }))),
      'event_id is empty',
    ],
    [
      'a trace with an upper-case trace id',
      () => delivered(traceEvent(japaneseTrace('A'.repeat(32)))),
      'trace_id is not 32 lowercase hex characters',
    ],
    [
      'a trace with the all-zero trace id',
      () => delivered(traceEvent(englishTrace('0'.repeat(32)))),
      'trace_id is all zeros',
    ],
    [
      'an event from a topic this consumer does not read',
      () => delivered({ ...traceEvent(japaneseTrace(traceIdOf(6))), topic: 'other.topic.v1' }),
      'unexpected topic other.topic.v1',
    ],
  ])('dead-letters %s', async (_name, event, reason) => {
    await expect(ingestion.handle(event())).resolves.toBe('dead-lettered');
    expect(deadLetters().map((d) => d.letter.reason)).toEqual([reason]);
  });

  it('gives a redelivered poison message the same dead-letter id', async () => {
    const poison = delivered(
      { topic: TOPICS.chatTraces, key: 'k', value: garbageBytes(8), headers: {} },
      41,
    );
    await ingestion.handle(poison);
    await ingestion.handle(poison);
    const ids = deadLetters().map((d) => d.letter.eventId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('throws a store failure so the bus retries, instead of dead-lettering a good event', async () => {
    const failing: QueueStore = {
      recordTrace: async (_t: ChatTraceRecorded): Promise<RecordOutcome> => {
        throw new Error('database is locked');
      },
      recordFeedback: async (_f: FeedbackSubmitted): Promise<RecordOutcome> => {
        throw new Error('database is locked');
      },
      listItems: async () => [],
      close: async () => undefined,
    };
    const withFailingStore = new IngestionService(failing, log, { consumerGroup: GROUP });
    await expect(
      withFailingStore.handle(delivered(traceEvent(japaneseTrace(traceIdOf(7))))),
    ).rejects.toThrow('database is locked');
    expect(deadLetters()).toHaveLength(0);
  });

  it('throws when the dead letter cannot be published, so the poison is not lost', async () => {
    const broken: EventPublisher = {
      publish: async () => {
        throw new Error('log unavailable');
      },
      close: async () => undefined,
    };
    const withBrokenDlq = new IngestionService(store, broken, { consumerGroup: GROUP });
    const poison = delivered({
      topic: TOPICS.feedback,
      key: 'k',
      value: garbageBytes(16),
      headers: {},
    });
    await expect(withBrokenDlq.handle(poison)).rejects.toThrow('log unavailable');
  });

  it('accepts an event carrying a field from a newer contract version', async () => {
    const id = traceIdOf(8);
    const newer = encodeEvent(ChatTraceRecordedSchema, japaneseTrace(id), {
      topic: TOPICS.chatTraces,
      key: 'k',
      eventType: 'chat.trace.recorded',
    });
    // Field 99, a varint: what a later contract version might add.
    const value = new Uint8Array([...newer.value, 0x98, 0x06, 0x01]);
    await expect(ingestion.handle(delivered({ ...newer, value }))).resolves.toBe('stored');
  });
});
