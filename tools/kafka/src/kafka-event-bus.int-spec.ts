import { mkdtempSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { FeedbackSubmittedSchema, Rating, RetrainingQueueService } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import {
  EVENT_TYPES,
  type EventBusConfig,
  KafkaEventConsumer,
  KafkaEventPublisher,
  type ReceivedEvent,
  TOPICS,
  TOPIC_SPECS,
  createEventBus,
  createKafka,
  describeEventBusContract,
  encodeEvent,
  ensureTopics,
  eventBusConfigShape,
} from '@mangaassist/event-bus';
import { type Telemetry, setupTelemetry } from '@mangaassist/telemetry';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { z } from 'zod';
import { type RunningKafka, startKafka } from './lib/kafka-broker';
import { ratedTurn } from './testing/rated-turns';
import { serviceLog, startServiceProcess } from './testing/service-process';

// A JVM start on a loaded 2-core machine, plus consumer-group joins.
const TIMEOUT_MS = 90_000;

let kafka: RunningKafka;

beforeAll(async () => {
  kafka = await startKafka({ onProgress: (line) => process.stderr.write(`${line}\n`) });
}, 180_000);

afterAll(async () => {
  await kafka?.stop();
}, 60_000);

describeEventBusContract(
  'Kafka (real broker)',
  async () => {
    const client = createKafka({
      brokers: [kafka.brokers],
      clientId: 'contract',
      logLevel: 'error',
    });
    const admin = client.admin();
    await admin.connect();
    const run = Date.now().toString(36);
    let topics = 0;
    return {
      publisher: () => new KafkaEventPublisher({ kafka: client, sendTimeoutMs: 15_000 }),
      consumer: () =>
        new KafkaEventConsumer({ kafka: client, sessionTimeoutMs: 6000, retryMinMs: 50 }),
      freshTopic: async () => {
        const topic = `contract.${run}.${++topics}`;
        // Three partitions, so per-key order is checked across partitions, not within one.
        await ensureTopics(admin, [{ topic, partitions: 3, configs: {} }], 1);
        return topic;
      },
      teardown: async () => {
        await admin.disconnect();
      },
    };
  },
  TIMEOUT_MS,
);

describe('topics on a real broker', () => {
  it(
    'creates the project topics with their partitions and configs, idempotently',
    async () => {
      const admin = createKafka({
        brokers: [kafka.brokers],
        clientId: 't',
        logLevel: 'error',
      }).admin();
      await admin.connect();
      try {
        const first = await ensureTopics(admin, TOPIC_SPECS, 1);
        expect(first.sort()).toEqual(Object.values(TOPICS).sort());
        expect(await ensureTopics(admin, TOPIC_SPECS, 1)).toEqual([]);
        const metadata = await admin.fetchTopicMetadata({
          topics: [TOPICS.chatTraces, TOPICS.feedback],
        });
        expect(metadata.topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual([
          [TOPICS.chatTraces, 12],
          [TOPICS.feedback, 6],
        ]);
        const configs = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            {
              type: 2,
              name: TOPICS.feedback,
              configNames: ['retention.ms', 'min.insync.replicas'],
            },
          ],
        });
        const entries = Object.fromEntries(
          configs.resources[0].configEntries.map((e) => [e.configName, e.configValue]),
        );
        expect(entries).toEqual({
          'retention.ms': String(30 * 24 * 3600 * 1000),
          'min.insync.replicas': '1',
        });
      } finally {
        await admin.disconnect();
      }
    },
    TIMEOUT_MS,
  );
});

describe('tracing through Kafka', () => {
  let dir: string;
  let exporter: InMemorySpanExporter;
  let telemetry: Telemetry;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-tracing-'));
    exporter = new InMemorySpanExporter();
    telemetry = setupTelemetry({ serviceName: 'test', env: {}, exporter });
  });

  afterAll(async () => {
    await telemetry.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'puts the consumer span of a rating in the trace of the turn that produced it',
    async () => {
      const config: EventBusConfig = z.object(eventBusConfigShape('feedback')).parse({
        EVENT_BUS: 'kafka',
        KAFKA_BROKERS: kafka.brokers,
        EVENT_OUTBOX_DIR: dir,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
      });
      // Wired as the feedback service (publisher with outbox) and retraining-queue (consumer) are.
      const producerBus = createEventBus(config, { service: 'feedback', outbox: true });
      const consumerBus = createEventBus(
        { ...config, KAFKA_CLIENT_ID: 'retraining-queue' },
        { service: 'retraining-queue', outbox: false },
      );
      const turn = trace.getTracer('gateway').startSpan('POST /v1/chat');
      const { traceId, spanId } = turn.spanContext();
      turn.end();
      const rating = create(FeedbackSubmittedSchema, {
        eventId: 'e7d0f0a4-2c1b-4a55-9d3e-6f0b1c2d3e4f',
        traceId,
        sessionId: 'pseudonymous-session',
        rating: Rating.DOWN,
        comment: '在庫がありませんでした',
        occurredAt: timestampNow(),
      });
      await producerBus.publisher.publish([
        encodeEvent(FeedbackSubmittedSchema, rating, {
          topic: TOPICS.feedback,
          key: rating.sessionId,
          eventType: EVENT_TYPES.feedbackSubmitted,
          traceparent: `00-${traceId}-${spanId}-01`,
        }),
      ]);

      const received: ReceivedEvent[] = [];
      const consumer = consumerBus.consumer();
      await consumer.start({
        groupId: `tracing-${Date.now()}`,
        topics: [TOPICS.feedback],
        fromBeginning: true,
        handle: async (event) => {
          if (event.headers['traceparent']?.includes(traceId)) received.push(event);
        },
      });
      const started = Date.now();
      while (received.length === 0 && Date.now() - started < 60_000) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await consumer.stop();
      await consumerBus.close();
      await producerBus.close();

      const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      const publish = spans.find((s) => s.name === `${TOPICS.feedback} publish`);
      const processing = spans.find((s) => s.name === `${TOPICS.feedback} process`);
      expect(received).toHaveLength(1);
      expect(publish?.kind).toBe(SpanKind.PRODUCER);
      expect(publish?.parentSpanContext?.spanId).toBe(spanId);
      expect(publish?.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'messaging.destination.name': TOPICS.feedback,
        'messaging.operation.type': 'send',
        'server.address': '127.0.0.1',
        'server.port': kafka.port,
      });
      expect(processing?.kind).toBe(SpanKind.CONSUMER);
      expect(processing?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
      expect(processing?.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.partition.id': String(received[0].partition),
        'messaging.kafka.offset': Number(received[0].offset),
      });
      expect(received[0].headers).toMatchObject({
        'event-type': 'feedback.submitted',
        'message-type': 'mangaassist.events.v1.FeedbackSubmitted',
        traceparent: `00-${traceId}-${publish?.spanContext().spanId}-01`,
      });
    },
    TIMEOUT_MS,
  );
});

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** A minimal OTLP/HTTP JSON collector: what a service exports when OTEL_TRACES_EXPORTER=otlp. */
async function startCollector(): Promise<{
  server: Server;
  endpoint: string;
  spans: (OtlpSpan & { service: string })[];
}> {
  const spans: (OtlpSpan & { service: string })[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
        for (const resource of body.resourceSpans) {
          const service =
            resource.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ??
            '';
          for (const scope of resource.scopeSpans)
            spans.push(...scope.spans.map((s) => ({ ...s, service })));
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

describe('tracing across processes', () => {
  it(
    'the retraining-queue process exports its processing span in the producing turn trace',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kafka-otlp-'));
      const exporter = new InMemorySpanExporter();
      const telemetry = setupTelemetry({ serviceName: 'feedback', env: {}, exporter });
      const collector = await startCollector();
      const port = await freePort();
      const queue = await startServiceProcess(
        'retraining-queue',
        {
          EVENT_BUS: 'kafka',
          KAFKA_BROKERS: kafka.brokers,
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          RETRAINING_DB_PATH: join(dir, 'retraining.db'),
          RETRAINING_QUEUE_PORT: String(port),
          RETRAINING_CONSUMER_GROUP: `otlp-${Date.now()}`,
          LOG_FORMAT: 'json',
          OTEL_TRACES_EXPORTER: 'otlp',
          OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
          OTEL_BSP_SCHEDULE_DELAY: '200',
        },
        `127.0.0.1:${port}`,
        serviceLog(dir, 'retraining-queue'),
      );
      const config: EventBusConfig = z.object(eventBusConfigShape('feedback')).parse({
        EVENT_BUS: 'kafka',
        KAFKA_BROKERS: kafka.brokers,
        EVENT_OUTBOX_DIR: dir,
      });
      const bus = createEventBus(config, { service: 'feedback', outbox: true });
      try {
        const turn = ratedTurn(Date.now().toString(16).slice(-6), 7);
        await bus.publisher.publish([turn.feedback, turn.trace]);
        const started = Date.now();
        const processed = () =>
          collector.spans.filter((s) => s.traceId === turn.traceId && s.name.endsWith(' process'));
        while (processed().length < 2 && Date.now() - started < 60_000) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const producerSpans = exporter
          .getFinishedSpans()
          .filter((s) => s.spanContext().traceId === turn.traceId);
        const publishOf = (topic: string) =>
          producerSpans.find((s) => s.name === `${topic} publish`)?.spanContext().spanId;
        const byName = Object.fromEntries(processed().map((s) => [s.name, s]));
        // Both consumer spans, made in the other process, are children of this process's producer spans.
        expect(byName[`${TOPICS.feedback} process`]).toMatchObject({
          service: 'retraining-queue',
          kind: 5, // SPAN_KIND_CONSUMER
          parentSpanId: publishOf(TOPICS.feedback),
        });
        expect(byName[`${TOPICS.chatTraces} process`]).toMatchObject({
          service: 'retraining-queue',
          kind: 5,
          parentSpanId: publishOf(TOPICS.chatTraces),
        });
        const client = createGrpcClient(RetrainingQueueService, {
          address: `127.0.0.1:${port}`,
          defaultDeadlineMs: 5000,
        });
        const { items } = await client.rpc.listItems({ traceId: turn.traceId, pageSize: 1 });
        client.close();
        expect(items[0]?.trace?.eventId).toBe(turn.traceEventId);
        expect(items[0]?.feedback.map((f) => f.eventId)).toEqual([turn.feedbackEventId]);
      } finally {
        await bus.close();
        await queue.kill('SIGTERM');
        await telemetry.shutdown();
        await new Promise((r) => collector.server.close(r));
        rmSync(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT_MS,
  );
});
