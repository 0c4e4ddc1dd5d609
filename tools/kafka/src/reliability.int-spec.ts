import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeadLetterSchema,
  FeedbackSubmittedSchema,
  type QueueItem,
  RetrainingQueueService,
} from '@mangaassist/contracts';
import {
  type EventBus,
  type EventBusConfig,
  KafkaEventConsumer,
  type OutboxPublisher,
  type OutboxStats,
  type ReceivedEvent,
  TOPICS,
  TOPIC_SPECS,
  createEventBus,
  createKafka,
  decodeEvent,
  ensureTopics,
  eventBusConfigShape,
} from '@mangaassist/event-bus';
import { createGrpcClient } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import { z } from 'zod';
import { type RunningKafka, startKafka } from './lib/kafka-broker';
import { type RatedTurn, ratedTurn } from './testing/rated-turns';
import { type ServiceProcess, serviceLog, startServiceProcess } from './testing/service-process';

/** 10,000 rated turns: 20,000 events plus one poison message. */
const TURNS = Number(process.env.RELIABILITY_TURNS ?? 10_000);
const CHUNK = 100;

function log(line: string): void {
  process.stderr.write(`reliability: ${line}\n`);
}

async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The whole path on a real broker with the real retraining-queue process, while things go
 * wrong in turn: the broker restarts mid-stream (producers fall back to their outboxes), the
 * consumer process is SIGKILLed mid-batch and restarted, and a poison message is injected.
 */
describe('reliability on a real broker', () => {
  let kafka: RunningKafka;
  let dir: string;
  let queue: ServiceProcess | undefined;
  let gatewayBus: EventBus;
  let feedbackBus: EventBus;
  let queueEnv: NodeJS.ProcessEnv;
  let queueAddress: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reliability-'));
    kafka = await startKafka({ onProgress: log });
    const admin = createKafka({
      brokers: [kafka.brokers],
      clientId: 'setup',
      logLevel: 'error',
    }).admin();
    await admin.connect();
    await ensureTopics(admin, TOPIC_SPECS, 1);
    await admin.disconnect();
    const port = await freePort();
    queueAddress = `127.0.0.1:${port}`;
    queueEnv = {
      EVENT_BUS: 'kafka',
      KAFKA_BROKERS: kafka.brokers,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      RETRAINING_DB_PATH: join(dir, 'retraining.db'),
      RETRAINING_QUEUE_PORT: String(port),
      LOG_FORMAT: 'json',
    };
    const producer = (service: string): EventBusConfig =>
      z.object(eventBusConfigShape(service)).parse({
        EVENT_BUS: 'kafka',
        KAFKA_BROKERS: kafka.brokers,
        KAFKA_SEND_TIMEOUT_MS: '5000',
        EVENT_OUTBOX_DIR: dir,
      });
    // The producers are wired exactly as the gateway and feedback services wire theirs.
    gatewayBus = createEventBus(producer('gateway'), { service: 'gateway', outbox: true });
    feedbackBus = createEventBus(producer('feedback'), { service: 'feedback', outbox: true });
  }, 180_000);

  afterAll(async () => {
    await queue?.kill('SIGTERM');
    await gatewayBus?.close();
    await feedbackBus?.close();
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('stores every valid event exactly once, dead-letters the poison and loses no send', async () => {
    queue = await startServiceProcess(
      'retraining-queue',
      queueEnv,
      queueAddress,
      serviceLog(dir, 'queue-1'),
    );
    // The process's own listing rpc, as data scientists use it (the channel survives restarts).
    const client = createGrpcClient(RetrainingQueueService, {
      address: queueAddress,
      defaultDeadlineMs: 30_000,
    });
    const listAll = async (): Promise<QueueItem[]> => {
      const items: QueueItem[] = [];
      let pageToken = '';
      do {
        const page = await client.rpc.listItems({ pageSize: 500, pageToken });
        items.push(...page.items);
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      return items;
    };
    const run = Date.now().toString(16).slice(-6);
    const turns: RatedTurn[] = [];
    const publishTurns = async (from: number, to: number) => {
      for (let start = from; start < to; start += CHUNK) {
        const chunk: RatedTurn[] = [];
        for (let n = start; n < Math.min(to, start + CHUNK); n++) chunk.push(ratedTurn(run, n));
        turns.push(...chunk);
        // Even turns publish the trace first, odd ones the rating: both arrival orders.
        await Promise.all([
          gatewayBus.publisher.publish(chunk.map((t) => t.trace)),
          feedbackBus.publisher.publish(chunk.map((t) => t.feedback)),
        ]);
      }
    };
    const quarter = Math.floor(TURNS / 4);

    await publishTurns(0, quarter);
    log(`${quarter} turns published; restarting the broker while publishing goes on`);
    const restarted = kafka.restart();
    // Publish only once the broker is really gone, so these events must take the outbox.
    await waitUntil('the broker did not go down', async () => !(await accepts(kafka.port)), 60_000);
    await publishTurns(quarter, 2 * quarter);
    await restarted;
    log('broker back; injecting a poison message and killing the consumer mid-batch');

    const poison = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x7f]);
    await feedbackBus.publisher.publish([
      {
        topic: TOPICS.feedback,
        key: 'poison',
        value: poison,
        headers: {
          'event-type': 'feedback.submitted',
          'message-type': FeedbackSubmittedSchema.typeName,
        },
      },
    ]);
    // A backlog (these and what the outboxes drained) that takes the consumer seconds...
    await publishTurns(2 * quarter, 3 * quarter);
    // ...and it is killed once seen storing from it: mid-batch, with stored events whose
    // offsets are not committed yet, which the restarted process must recognise.
    const stored = async () =>
      (await listAll()).reduce((n, item) => n + item.feedback.length + (item.trace ? 1 : 0), 0);
    const before = await stored();
    let atKill = before;
    await waitUntil(
      'the consumer did not resume after the broker restart',
      async () => (atKill = await stored()) >= before + 100,
      120_000,
    );
    await queue.kill('SIGKILL');
    log(`SIGKILL with ${atKill} of ${2 * turns.length + 1} published events stored`);
    queue = await startServiceProcess(
      'retraining-queue',
      queueEnv,
      queueAddress,
      serviceLog(dir, 'queue-2'),
    );
    await publishTurns(3 * quarter, TURNS);
    log(`all ${TURNS} turns published; waiting for the outboxes and the queue`);

    const gateway = gatewayBus.publisher as OutboxPublisher;
    const feedback = feedbackBus.publisher as OutboxPublisher;
    expect(await gateway.flushed(120_000)).toBe(true);
    expect(await feedback.flushed(120_000)).toBe(true);

    await waitUntil(
      'the queue did not hold every rated turn with its trace and rating',
      async () => {
        // Keyed by trace id: an item updated while we page moves to the end and shows twice.
        const latest = new Map((await listAll()).map((i) => [i.traceId, i]));
        const complete = [...latest.values()].filter((i) => i.trace && i.feedback.length > 0);
        log(`queue: ${latest.size} items, ${complete.length} with their trace and rating`);
        return complete.length >= TURNS;
      },
      240_000,
    );
    // Everything is stored, so nothing changes any more: this listing is exact.
    const items = await listAll();
    client.close();

    // Exactly once: one item per turn, its own trace and exactly its one rating.
    const expected = new Map(turns.map((t) => [t.traceId, t]));
    expect(items).toHaveLength(TURNS);
    let mismatched = 0;
    for (const item of items) {
      const turn = expected.get(item.traceId);
      const ok =
        turn !== undefined &&
        item.trace?.eventId === turn.traceEventId &&
        item.feedback.length === 1 &&
        item.feedback[0].eventId === turn.feedbackEventId;
      if (!ok) mismatched += 1;
    }
    expect(mismatched).toBe(0);

    // The poison is in the DLQ (a redelivery may repeat it, always under the same id).
    const letters = await readTopic(kafka.brokers, TOPICS.retrainingDlq, 1);
    const poisoned = letters
      .map((e) => decodeEvent(DeadLetterSchema, e))
      .filter((l) => Buffer.from(l.value).equals(Buffer.from(poison)));
    expect(new Set(poisoned.map((l) => l.eventId)).size).toBe(1);
    expect(poisoned[0]).toMatchObject({
      sourceTopic: TOPICS.feedback,
      consumer: 'retraining-queue',
    });
    expect(poisoned[0].reason).toMatch(/^not a valid mangaassist\.events\.v1\.FeedbackSubmitted/);

    // No lost sends: every event was acknowledged, directly or from the outbox, none failed.
    const stats: Record<string, OutboxStats> = {
      gateway: gateway.stats(),
      feedback: feedback.stats(),
    };
    log(`producers: ${JSON.stringify(stats)}`);
    expect(stats.gateway).toMatchObject({ failed: 0, waiting: 0 });
    expect(stats.feedback).toMatchObject({ failed: 0, waiting: 0 });
    expect(stats.gateway.sentDirect + stats.gateway.drained).toBe(TURNS);
    expect(stats.feedback.sentDirect + stats.feedback.drained).toBe(TURNS + 1);
    // The broker restart really sent events through the outboxes.
    expect(stats.gateway.spilled + stats.feedback.spilled).toBeGreaterThan(0);

    const redelivered =
      readFileSync(serviceLog(dir, 'queue-2'), 'utf8').match(/skipped duplicate/g)?.length ?? 0;
    log(`the restarted consumer skipped ${redelivered} redelivered events`);
  }, 600_000);
});

/** Every event of a topic from the beginning, read by a fresh group until `atLeast` arrived. */
async function readTopic(
  brokers: string,
  topic: string,
  atLeast: number,
): Promise<ReceivedEvent[]> {
  const kafka = createKafka({ brokers: [brokers], clientId: 'dlq-reader', logLevel: 'error' });
  const consumer = new KafkaEventConsumer({ kafka, sessionTimeoutMs: 6000 });
  const events: ReceivedEvent[] = [];
  await consumer.start({
    groupId: `dlq-reader-${Date.now()}`,
    topics: [topic],
    fromBeginning: true,
    handle: async (event) => void events.push(event),
  });
  await waitUntil(
    `${topic} did not hold ${atLeast} events`,
    async () => events.length >= atLeast,
    60_000,
  );
  // Give duplicates a moment to show up too.
  await new Promise((r) => setTimeout(r, 1000));
  await consumer.stop();
  return events;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
