import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ChatTraceRecorded,
  DeadLetterSchema,
  type FeedbackSubmitted,
  Rating,
} from '@mangaassist/contracts';
import { SqliteEventLog, TOPICS, decodeEvent } from '@mangaassist/event-bus';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import type { ItemQuery, QueueStore, RecordOutcome } from '../queue/queue-store';
import {
  englishTrace,
  feedbackEvent,
  feedbackOn,
  garbageBytes,
  japaneseTrace,
  traceEvent,
  traceIdOf,
} from '../testing/event-fixtures';
import { IngestionConsumerService } from './ingestion-consumer.service';
import { IngestionService } from './ingestion.service';

const ALL: ItemQuery = { onlyNegative: false, limit: 100 };

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A store whose first write of each listed event succeeds and then "crashes" before the
 * handler returns, so the bus never commits the offset and delivers the event again.
 */
class CrashAfterWriteStore implements QueueStore {
  readonly outcomes: RecordOutcome[] = [];
  private readonly crashed = new Set<string>();

  constructor(
    private readonly inner: QueueStore,
    private readonly crashOn: ReadonlySet<string>,
  ) {}

  async recordTrace(trace: ChatTraceRecorded): Promise<RecordOutcome> {
    return this.afterWrite(trace.eventId, await this.inner.recordTrace(trace));
  }

  async recordFeedback(feedback: FeedbackSubmitted): Promise<RecordOutcome> {
    return this.afterWrite(feedback.eventId, await this.inner.recordFeedback(feedback));
  }

  listItems(query: ItemQuery) {
    return this.inner.listItems(query);
  }

  close() {
    return this.inner.close();
  }

  private afterWrite(eventId: string, outcome: RecordOutcome): RecordOutcome {
    this.outcomes.push(outcome);
    if (this.crashOn.has(eventId) && !this.crashed.has(eventId)) {
      this.crashed.add(eventId);
      throw new Error(`simulated crash after storing ${eventId}`);
    }
    return outcome;
  }
}

describe('IngestionConsumerService on the local event log', () => {
  let dir: string;
  let logPath: string;
  let producer: SqliteEventLog;
  let store: SqliteQueueStore;
  const running: { service: IngestionConsumerService; log: SqliteEventLog }[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retraining-consumer-'));
    logPath = join(dir, 'events.db');
    producer = new SqliteEventLog(logPath);
    store = new SqliteQueueStore(join(dir, 'retraining.db'));
  });

  afterEach(async () => {
    for (const { service, log } of running.splice(0)) {
      await service.onModuleDestroy();
      await log.close();
    }
    await producer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startConsumer(queueStore: QueueStore, group = 'retraining-queue') {
    // Its own connection, as the separate retraining-queue process has.
    const log = new SqliteEventLog(logPath);
    const options = { consumerGroup: group };
    const ingestion = new IngestionService(queueStore, log, options);
    const service = new IngestionConsumerService(log.consumer(5), ingestion, options);
    await service.onModuleInit();
    running.push({ service, log });
    return service;
  }

  it('reads events published before its first start', async () => {
    const id = traceIdOf(1);
    await producer.publish([
      traceEvent(japaneseTrace(id)),
      feedbackEvent(feedbackOn(id, Rating.DOWN, { comment: '誤り' })),
    ]);
    await startConsumer(store);
    await waitFor(async () => (await store.listItems(ALL))[0]?.trace !== undefined);
    expect((await store.listItems(ALL))[0].feedback.map((f) => f.comment)).toEqual(['誤り']);
  });

  it('dead-letters poison messages and keeps consuming the events after them', async () => {
    const id = traceIdOf(2);
    await producer.publish([
      { topic: TOPICS.feedback, key: 'k', value: garbageBytes(32), headers: {} },
      { ...traceEvent(englishTrace(traceIdOf(3))), topic: TOPICS.feedback },
      { topic: TOPICS.chatTraces, key: 'k', value: garbageBytes(32, 7), headers: {} },
      feedbackEvent(feedbackOn(id, Rating.DOWN, { comment: 'still processed' })),
      traceEvent(englishTrace(id)),
    ]);
    await startConsumer(store);
    await waitFor(async () => (await store.listItems(ALL))[0]?.trace !== undefined);

    const letters = producer
      .readAll(TOPICS.retrainingDlq)
      .map((e) => decodeEvent(DeadLetterSchema, e));
    expect(letters.map((l) => [l.sourceTopic, l.reason.split(':')[0]])).toEqual([
      [TOPICS.feedback, 'not a valid mangaassist.events.v1.FeedbackSubmitted'],
      [
        TOPICS.feedback,
        'message-type header is mangaassist.events.v1.ChatTraceRecorded, expected mangaassist.events.v1.FeedbackSubmitted',
      ],
      [TOPICS.chatTraces, 'not a valid mangaassist.events.v1.ChatTraceRecorded'],
    ]);
    expect((await store.listItems(ALL))[0].feedback.map((f) => f.comment)).toEqual([
      'still processed',
    ]);
  });

  it('stores an event once when the handler crashes after the write and it is redelivered', async () => {
    const id = traceIdOf(4);
    const feedback = feedbackOn(id, Rating.DOWN, { comment: 'crash test' });
    const crashing = new CrashAfterWriteStore(store, new Set([feedback.eventId]));
    await producer.publish([feedbackEvent(feedback), traceEvent(japaneseTrace(id))]);
    await startConsumer(crashing);
    await waitFor(async () => (await store.listItems(ALL))[0]?.trace !== undefined);

    expect(crashing.outcomes).toEqual(['stored', 'duplicate', 'stored']);
    expect((await store.listItems(ALL))[0].feedback).toHaveLength(1);
  });

  it('adds nothing when a new group replays the whole log into the same store', async () => {
    const id = traceIdOf(5);
    await producer.publish([
      traceEvent(japaneseTrace(id)),
      feedbackEvent(feedbackOn(id, Rating.UP)),
    ]);
    const first = await startConsumer(store, 'group-a');
    await waitFor(async () => (await store.listItems(ALL))[0]?.trace !== undefined);
    await first.onModuleDestroy();
    const before = await store.listItems(ALL);

    const counting = new CrashAfterWriteStore(store, new Set());
    await startConsumer(counting, 'group-b');
    await waitFor(async () => counting.outcomes.length === 2);
    expect(counting.outcomes).toEqual(['duplicate', 'duplicate']);
    expect(await store.listItems(ALL)).toEqual(before);
  });
});
