import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupTelemetry, type Telemetry } from '@mangaassist/telemetry';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { SqliteEventLog } from '../adapters/sqlite-event-log';
import type { EventPublisher, ReceivedEvent } from '../event-bus';
import { activeTraceparent } from './trace-headers';
import { TracingEventConsumer } from './tracing-event-consumer';
import { TracingEventPublisher } from './tracing-event-publisher';

const bus = { system: 'local_log' };

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('tracing through the event bus (local log)', () => {
  let dir: string;
  let exporter: InMemorySpanExporter;
  let telemetry: Telemetry;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tracing-'));
    exporter = new InMemorySpanExporter();
    telemetry = setupTelemetry({ serviceName: 'test', env: {}, exporter });
  });

  afterEach(async () => {
    await telemetry.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  const named = (name: string): ReadableSpan => {
    const span = exporter.getFinishedSpans().find((s) => s.name === name);
    if (!span) throw new Error(`no span ${name}`);
    return span;
  };

  it('puts the consumer span in the producing turn trace, under the producer span', async () => {
    const log = new SqliteEventLog(join(dir, 'events.db'));
    const publisher = new TracingEventPublisher(log, bus);
    // The chat turn, as the gateway knows it: a trace context, sent in the event's header.
    const turn = trace.getTracer('gateway').startSpan('chat turn');
    const turnContext = turn.spanContext();
    const traceparent = `00-${turnContext.traceId}-${turnContext.spanId}-01`;
    await publisher.publish([
      {
        topic: 'mangaassist.feedback.v1',
        key: 'session',
        value: new TextEncoder().encode('👎 ありがとう'),
        headers: { traceparent, 'event-type': 'feedback.submitted' },
      },
    ]);
    turn.end();

    const dlq: EventPublisher = new TracingEventPublisher(log, bus);
    const received: ReceivedEvent[] = [];
    let insideHandler: string | undefined;
    const consumer = new TracingEventConsumer(
      new SqliteEventLog(join(dir, 'events.db')).consumer(5),
      bus,
    );
    await consumer.start({
      groupId: 'retraining-queue',
      topics: ['mangaassist.feedback.v1'],
      fromBeginning: true,
      handle: async (event) => {
        insideHandler = activeTraceparent();
        // Work done while handling (here a dead letter) is a child of the processing span.
        await dlq.publish([{ ...event, topic: 'mangaassist.retraining.dlq.v1', headers: {} }]);
        received.push(event);
      },
    });
    await waitFor(() => received.length === 1);
    await consumer.stop();

    const publish = named('mangaassist.feedback.v1 publish');
    const processing = named('mangaassist.feedback.v1 process');
    const dead = named('mangaassist.retraining.dlq.v1 publish');
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(publish.spanContext().traceId).toBe(turnContext.traceId);
    expect(publish.parentSpanContext?.spanId).toBe(turnContext.spanId);
    expect(publish.attributes).toMatchObject({
      'messaging.system': 'local_log',
      'messaging.operation.type': 'send',
      'messaging.destination.name': 'mangaassist.feedback.v1',
      'messaging.kafka.message.key': 'session',
    });
    // The header now names the producer span, so the consumer becomes its child.
    expect(received[0].headers.traceparent).toBe(
      `00-${turnContext.traceId}-${publish.spanContext().spanId}-01`,
    );
    expect(processing.kind).toBe(SpanKind.CONSUMER);
    expect(processing.spanContext().traceId).toBe(turnContext.traceId);
    expect(processing.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    expect(processing.attributes).toMatchObject({
      'messaging.operation.type': 'process',
      'messaging.consumer.group.name': 'retraining-queue',
      'messaging.destination.partition.id': '0',
    });
    expect(insideHandler).toBe(`00-${turnContext.traceId}-${processing.spanContext().spanId}-01`);
    expect(dead.parentSpanContext?.spanId).toBe(processing.spanContext().spanId);
    await log.close();
  });

  it('marks the producer span failed when the publish fails, and keeps the header without an SDK', async () => {
    const broken: EventPublisher = {
      publish: async () => {
        throw new Error('broker unreachable');
      },
      close: async () => undefined,
    };
    await expect(
      new TracingEventPublisher(broken, bus).publish([
        { topic: 't', key: 'k', value: new Uint8Array([1]), headers: {} },
      ]),
    ).rejects.toThrow('broker unreachable');
    const span = named('t publish');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'broker unreachable' });
    expect(span.parentSpanContext).toBeUndefined();

    await telemetry.shutdown();
    // Without a registered SDK the span is a no-op, and the producing context passes through.
    const seen: Record<string, string>[] = [];
    const recording: EventPublisher = {
      publish: async (events) => void seen.push(...events.map((e) => e.headers)),
      close: async () => undefined,
    };
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await new TracingEventPublisher(recording, bus).publish([
      { topic: 't', key: 'k', value: new Uint8Array([1]), headers: { traceparent } },
      { topic: 't', key: 'k', value: new Uint8Array([2]), headers: {} },
    ]);
    expect(seen).toEqual([{ traceparent }, {}]);
    telemetry = setupTelemetry({ serviceName: 'test', env: {}, exporter });
  });
});
