import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventLog } from '../adapters/sqlite-event-log';
import type { EventPublisher, OutgoingEvent } from '../event-bus';
import { OutboxPublisher } from './outbox-publisher';
import { OutboxFullError, SqliteOutbox } from './sqlite-outbox';

/**
 * A broker that can be taken away: the real local log behind a switch, refusing every publish
 * while "unreachable" the way a Kafka publisher rejects when no broker answers.
 */
class SwitchableBroker implements EventPublisher {
  reachable = true;
  attempts = 0;

  constructor(readonly log: SqliteEventLog) {}

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    this.attempts += 1;
    await new Promise((r) => setImmediate(r));
    if (!this.reachable) throw new Error('connect ECONNREFUSED 127.0.0.1:9092');
    await this.log.publish(events);
  }

  async close(): Promise<void> {
    await this.log.close();
  }

  received(topic = 't'): string[] {
    return this.log.readAll(topic).map((e) => new TextDecoder().decode(e.value));
  }
}

function events(from: number, to: number, key = 'セッション'): OutgoingEvent[] {
  const list: OutgoingEvent[] = [];
  for (let n = from; n <= to; n++) {
    list.push({
      topic: 't',
      key,
      value: new TextEncoder().encode(`e${n}`),
      headers: { n: `${n}` },
    });
  }
  return list;
}

function range(from: number, to: number): string[] {
  return events(from, to).map((e) => new TextDecoder().decode(e.value));
}

describe('OutboxPublisher', () => {
  let dir: string;
  let broker: SwitchableBroker;
  const fast = { retryMinMs: 10, retryMaxMs: 40 };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    broker = new SwitchableBroker(new SqliteEventLog(join(dir, 'broker.db')));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sends straight to a reachable broker and keeps nothing locally', async () => {
    const publisher = new OutboxPublisher(broker, new SqliteOutbox(join(dir, 'o.db'), 100), fast);
    await publisher.publish(events(1, 3));
    expect(broker.received()).toEqual(range(1, 3));
    expect(publisher.stats()).toEqual({
      sentDirect: 3,
      spilled: 0,
      drained: 0,
      waiting: 0,
      failed: 0,
    });
    await publisher.close();
  });

  it('acknowledges from the outbox while the broker is down and drains in order when it returns', async () => {
    const publisher = new OutboxPublisher(broker, new SqliteOutbox(join(dir, 'o.db'), 100), fast);
    broker.reachable = false;
    await publisher.publish(events(1, 2));
    // Later publishes queue behind the outbox instead of trying the broker first.
    await Promise.all([publisher.publish(events(3, 3)), publisher.publish(events(4, 5))]);
    expect(broker.received()).toEqual([]);
    expect(publisher.stats()).toMatchObject({ spilled: 5, waiting: 5 });

    broker.reachable = true;
    // Published while the drain is under way: must still come after everything older.
    const late = publisher.publish(events(6, 7));
    expect(await publisher.flushed(5000)).toBe(true);
    await late;
    await publisher.publish(events(8, 8));
    expect(broker.received()).toEqual(range(1, 8));
    expect(publisher.stats()).toMatchObject({ failed: 0, waiting: 0, sentDirect: 1 });
    expect(publisher.stats().spilled).toBe(publisher.stats().drained);
    await publisher.close();
  });

  it.each(['full', 'normal'] as const)(
    'keeps what it acknowledged across a restart and drains it on the next start (%s sync)',
    async (sync) => {
      const path = join(dir, 'o.db');
      broker.reachable = false;
      const first = new OutboxPublisher(broker, new SqliteOutbox(path, 100, sync), fast);
      await first.publish(events(1, 4));
      // A stop while the broker is away leaves the events in the file.
      await first.close();

      const restarted = new SwitchableBroker(new SqliteEventLog(join(dir, 'broker.db')));
      const second = new OutboxPublisher(restarted, new SqliteOutbox(path, 100, sync), fast);
      expect(await second.flushed(5000)).toBe(true);
      expect(restarted.received()).toEqual(range(1, 4));
      await second.close();
    },
  );

  it('refuses a publish once the outbox is full, saying so, and counts it as failed', async () => {
    const publisher = new OutboxPublisher(broker, new SqliteOutbox(join(dir, 'o.db'), 3), fast);
    broker.reachable = false;
    await publisher.publish(events(1, 2));
    await expect(publisher.publish(events(3, 4))).rejects.toThrow(OutboxFullError);
    await expect(publisher.publish(events(3, 4))).rejects.toThrow(
      'event outbox is full (2 of 3 events waiting for the broker)',
    );
    expect(publisher.stats()).toMatchObject({ spilled: 2, failed: 4, waiting: 2 });
    broker.reachable = true;
    expect(await publisher.flushed(5000)).toBe(true);
    await publisher.close();
  });

  it('sends large bursts in bounded batches', async () => {
    const publisher = new OutboxPublisher(broker, new SqliteOutbox(join(dir, 'o.db'), 10_000), {
      ...fast,
      maxBatch: 100,
    });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => publisher.publish(events(i * 10 + 1, i * 10 + 10))),
    );
    expect(broker.received()).toEqual(range(1, 300));
    // The first publish goes alone; the other 29 queued behind it go in batches of at most 100.
    expect(broker.attempts).toBeLessThanOrEqual(5);
    await publisher.close();
  });
});

describe('SqliteOutbox', () => {
  it('is held by one process at a time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const path = join(dir, 'o.db');
    const first = new SqliteOutbox(path, 10);
    expect(() => new SqliteOutbox(path, 10)).toThrow(/is another process using it\?/);
    first.close();
    const again = new SqliteOutbox(path, 10);
    again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps keys, values and headers byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const outbox = new SqliteOutbox(join(dir, 'o.db'), 10);
    const event: OutgoingEvent = {
      topic: 'mangaassist.feedback.v1',
      key: '鍵-🔑',
      value: new Uint8Array([0, 255, 10, 13]),
      headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    };
    outbox.append([event]);
    const [entry] = outbox.peek(10);
    expect(entry.event).toEqual(event);
    outbox.removeThrough(entry.seq);
    expect(outbox.size()).toBe(0);
    outbox.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
