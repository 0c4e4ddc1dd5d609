import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { timestampDate, timestampFromMs } from '@bufbuild/protobuf/wkt';
import {
  FeedbackReason,
  FeedbackService,
  type QueueItem,
  Rating,
  RetrainingQueueService,
} from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { type KafkaProcess, SERVICES, startKafkaProcess, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import { type Bench, percentile, round } from '../lib/bench';

/** Chat turns over every route, in both languages (as bench:turns). */
const QUESTIONS = [
  'ONE PIECEは何巻まで出ていますか？',
  'How many volumes of One Piece are out?',
  'spy x familyのkindle版はいくら？',
  'When is the next volume of One Piece out?',
  '送料はいくらですか？',
  'Can I return a manga I opened?',
  'こんにちは',
  '明日の天気は？',
];

interface Latency {
  turns: number;
  p50: number;
  p99: number;
  mean: number;
}

export interface EventsBenchResult {
  events: number;
  events_per_s: number;
  lost: number;
  duplicates: number;
  e2e_delay_ms: { p50: number; p99: number };
  chat_turn_ms: { broker_up: Latency; broker_down: Latency };
}

function summary(latencies: number[]): Latency {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    turns: latencies.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
  };
}

/** A trace id per benchmark event, distinct from any the gateway makes (those are random). */
function traceIdOf(run: string, n: number): string {
  return `${run}${n.toString(16).padStart(10, '0')}`.padStart(32, 'b');
}

/**
 * The whole stack on a real broker, as `npm run start:kafka` runs it. First the gateway's chat
 * turns with the broker up, then with it stopped (trace events go to the outbox), then the
 * broker back (the outbox drains), twice. Then `events` ratings through feedback.Submit, timed
 * until each is a stored queue item, read back through retraining-queue's ListItems.
 */
export async function benchEvents(
  events: number,
  turns: number,
  concurrency: number,
  log: (line: string) => void,
): Promise<EventsBenchResult> {
  const root = resolve(__dirname, '../../../../..');
  const dir = mkdtempSync(join(tmpdir(), 'mangaassist-bench-events-'));
  const kafkaDir = join(dir, 'kafka');
  const kafkaPort = await freePort();
  const startBroker = () =>
    startKafkaProcess({ root, port: kafkaPort, dataDir: kafkaDir, onLine: log });
  const first = await startBroker().catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  let kafka: KafkaProcess | undefined = first;
  log(`Kafka ${first.version} at ${first.brokers}`);
  const ports: Record<string, number> = {};
  for (const spec of SERVICES) ports[spec.name] = await freePort();
  const stack = await startStack({
    root,
    ports,
    env: {
      EVENT_BUS: 'kafka',
      KAFKA_BROKERS: first.brokers,
      EVENT_OUTBOX_DIR: dir,
      RETRAINING_DB_PATH: join(dir, 'retraining.db'),
      LOG_FORMAT: 'json',
    },
  }).catch(async (error: unknown) => {
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const feedback = createGrpcClient(FeedbackService, {
    address: `127.0.0.1:${ports.feedback}`,
    defaultDeadlineMs: 30_000,
  });
  const queue = createGrpcClient(RetrainingQueueService, {
    address: `127.0.0.1:${ports['retraining-queue']}`,
    defaultDeadlineMs: 30_000,
  });
  try {
    const gatewayUrl = stack.gatewayUrl ?? '';
    const chat = async (message: string, sessionId: string) => {
      const response = await fetch(`${gatewayUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message, sessionId }),
      });
      const body = (await response.json()) as { traceId?: string };
      if (!response.ok || !body.traceId) throw new Error(`chat turn failed: ${response.status}`);
      return body.traceId;
    };
    const timeTurns = async (label: string, count: number, into: number[]) => {
      let lastTrace = '';
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        lastTrace = await chat(QUESTIONS[i % QUESTIONS.length], `bench-${label}-${i % 20}`);
        into.push(performance.now() - started);
      }
      log(`${count} chat turns with the broker ${label}`);
      return lastTrace;
    };
    for (const q of QUESTIONS) await chat(q, 'bench-warmup');
    // Up and down alternate in two rounds, so a shift in the machine's load between phases
    // (other processes on a shared machine) does not pass for a difference between them.
    const upLatencies: number[] = [];
    const downLatencies: number[] = [];
    for (const round of [1, 2]) {
      const half = round === 1 ? Math.ceil(turns / 2) : Math.floor(turns / 2);
      await timeTurns('up', half, upLatencies);
      await kafka.stop();
      kafka = undefined;
      log('broker stopped');
      const ratedWhileDown = await timeTurns('down', half, downLatencies);
      // Rated while the broker is away: feedback keeps it in its outbox, as the gateway its trace.
      if (ratedWhileDown !== '') {
        await feedback.rpc.submit({
          traceId: ratedWhileDown,
          sessionId: 'bench-down-0',
          rating: Rating.DOWN,
        });
      }
      kafka = await startBroker();
      const back = Date.now();
      await waitFor(async () => {
        if (ratedWhileDown === '') return true;
        const { items } = await queue.rpc.listItems({ traceId: ratedWhileDown, pageSize: 1 });
        return items[0]?.trace !== undefined && items[0].feedback.length === 1;
      }, 120_000);
      log(
        `broker back; the outboxes drained and the rated broker-down turn reached the queue in ${((Date.now() - back) / 1000).toFixed(1)} s`,
      );
    }

    const run = Date.now().toString(16).slice(-8);
    const submittedAt = new Map<string, number>();
    const eventIds = new Map<string, string>();
    const since = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < events) {
        const n = next++;
        const traceId = traceIdOf(run, n);
        submittedAt.set(traceId, Date.now());
        const reply = await feedback.rpc.submit({
          traceId,
          sessionId: `bench-session-${n % 1000}`,
          rating: n % 3 === 0 ? Rating.UP : Rating.DOWN,
          reason: n % 3 === 0 ? FeedbackReason.UNSPECIFIED : FeedbackReason.WRONG_ANSWER,
        });
        eventIds.set(traceId, reply.eventId);
        if ((n + 1) % 1000 === 0) log(`${n + 1}/${events} ratings submitted`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const submitSeconds = (Date.now() - since) / 1000;
    log(
      `${events} ratings acknowledged by feedback in ${submitSeconds.toFixed(1)} s (${(events / submitSeconds).toFixed(0)}/s)`,
    );

    // Incremental listing by updated_at, as an exporter would read the queue.
    const stored = new Map<string, QueueItem>();
    let cursor = since - 1000;
    const deadline = Date.now() + 300_000;
    while (countOurs(stored, submittedAt) < events && Date.now() < deadline) {
      let pageToken = '';
      let newest = cursor;
      do {
        const page = await queue.rpc.listItems({
          since: timestampFromMs(cursor),
          pageSize: 500,
          pageToken,
        });
        for (const item of page.items) {
          stored.set(item.traceId, item);
          if (item.updatedAt) newest = Math.max(newest, timestampDate(item.updatedAt).getTime());
        }
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      cursor = newest;
      log(`${countOurs(stored, submittedAt)}/${events} ratings stored`);
      if (countOurs(stored, submittedAt) < events) await sleep(500);
    }

    const delays: number[] = [];
    let lost = 0;
    let duplicates = 0;
    let lastStored = since;
    for (const [traceId, at] of submittedAt) {
      const item = stored.get(traceId);
      const mine = item?.feedback.filter((f) => f.eventId === eventIds.get(traceId)) ?? [];
      if (!item || mine.length === 0) {
        lost += 1;
        continue;
      }
      duplicates += item.feedback.length - 1;
      const storedAt = item.updatedAt ? timestampDate(item.updatedAt).getTime() : Date.now();
      lastStored = Math.max(lastStored, storedAt);
      delays.push(storedAt - at);
    }
    delays.sort((a, b) => a - b);
    return {
      events,
      events_per_s: round(events / Math.max(0.001, (lastStored - since) / 1000), 1),
      lost,
      duplicates,
      e2e_delay_ms: { p50: round(percentile(delays, 50)), p99: round(percentile(delays, 99)) },
      chat_turn_ms: { broker_up: summary(upLatencies), broker_down: summary(downLatencies) },
    };
  } finally {
    feedback.close();
    queue.close();
    await stack.stop();
    await kafka?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function countOurs(stored: Map<string, QueueItem>, submitted: Map<string, number>): number {
  let count = 0;
  for (const traceId of submitted.keys()) if (stored.has(traceId)) count += 1;
  return count;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await sleep(250);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export const bench: Bench = {
  name: 'events',
  help: `Usage: npm run bench:events [-- --events N --turns N --concurrency N]

Starts Apache Kafka (tools/kafka) and the whole stack on it, on free ports, as
\`npm run start:kafka\` does. Times the gateway's chat turns with the broker up, then stopped
(trace events go to the gateway's outbox; a turn must not be slower), in two alternating
rounds, each time restarting the broker and waiting for the outboxes to drain. Then submits N
ratings through feedback.Submit and times each until retraining-queue's ListItems shows it
stored. Prints one JSON object:
  {"bench","events","events_per_s","lost","duplicates","e2e_delay_ms":{"p50","p99"},
   "chat_turn_ms":{"broker_up":{"turns","p50","p99","mean"},"broker_down":{...}}}

Options:
  --events N        ratings submitted (default 10000)
  --turns N         chat turns timed per broker state (default 200)
  --concurrency N   Submit calls in flight (default 32)
`,
  options: {
    events: { type: 'string', default: '10000' },
    turns: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '32' },
  },
  async run(values, progress) {
    const number = (name: string, min: number, max: number) => {
      const value = Number(values[name]);
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(`--${name} must be an integer from ${min} to ${max}`);
      }
      return value;
    };
    return {
      ...(await benchEvents(
        number('events', 1, 1_000_000),
        number('turns', 1, 100_000),
        number('concurrency', 1, 1000),
        progress,
      )),
    };
  },
};
