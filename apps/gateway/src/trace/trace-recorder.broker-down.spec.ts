import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatTraceRecordedSchema } from '@mangaassist/contracts';
import {
  type OutboxPublisher,
  SqliteOutbox,
  TOPICS,
  createEventBus,
  decodeEvent,
  outboxPath,
} from '@mangaassist/event-bus';
import { freePort } from '@mangaassist/testing';
import { loadGatewayConfig } from '../app/gateway.config';
import { TraceRecorder } from './trace-recorder';
import { TurnRecord } from './turn-record';

describe('TraceRecorder on Kafka with the broker unreachable', () => {
  it('keeps every trace event in the gateway outbox, in order, without holding a turn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-outbox-'));
    // Nothing listens there: kafkajs gets "connection refused", as with a stopped broker.
    const config = loadGatewayConfig({
      EVENT_BUS: 'kafka',
      KAFKA_BROKERS: `127.0.0.1:${await freePort()}`,
      KAFKA_SEND_TIMEOUT_MS: '2000',
      EVENT_OUTBOX_DIR: dir,
    });
    const bus = createEventBus(config, { service: 'gateway', outbox: true });
    const recorder = new TraceRecorder(bus.publisher, {
      pseudonymKey: 'k'.repeat(16),
      bufferMax: 100,
    });
    const ids = ['a', 'b', 'c'].map((c) => c.repeat(32));
    for (const [i, id] of ids.entries()) {
      const turn = new TurnRecord(id, 'shopper', `00-${id}-${'1'.repeat(16)}-01`);
      turn.answered(i % 2 ? 'It costs ¥528.' : '528円です。', []);
      // record() only queues: it returns before any broker is even tried.
      expect(recorder.record(turn)).toBeUndefined();
    }
    expect(recorder.stats().pending).toBe(3);
    await recorder.drain();
    expect(recorder.stats()).toEqual({ published: 3, dropped: 0, pending: 0 });
    expect((bus.publisher as OutboxPublisher).stats()).toMatchObject({ spilled: 3, failed: 0 });
    await bus.close();

    const outbox = new SqliteOutbox(outboxPath(config, 'gateway'), 10);
    const kept = outbox.peek(10).map((e) => e.event);
    outbox.close();
    expect(kept.map((e) => e.topic)).toEqual([
      TOPICS.chatTraces,
      TOPICS.chatTraces,
      TOPICS.chatTraces,
    ]);
    expect(
      kept.map(
        (e) =>
          decodeEvent(ChatTraceRecordedSchema, {
            ...e,
            partition: 0,
            offset: '0',
            timestamp: new Date(),
          }).traceId,
      ),
    ).toEqual(ids);
    expect(kept[0].headers.traceparent).toBe(`00-${ids[0]}-${'1'.repeat(16)}-01`);
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
