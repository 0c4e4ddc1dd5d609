import type { EventConsumer, EventPublisher, OutgoingEvent, ReceivedEvent } from './event-bus';

/** What a contract run needs from an adapter: fresh topics and clients on the same bus. */
export interface EventBusUnderTest {
  publisher(): EventPublisher;
  consumer(): EventConsumer;
  /** A topic name no earlier test used. */
  freshTopic(): Promise<string>;
  teardown(): Promise<void>;
}

function event(topic: string, key: string, n: number): OutgoingEvent {
  return {
    topic,
    key,
    value: new TextEncoder().encode(`${key}:${n}`),
    headers: { 'event-type': 'test.event' },
  };
}

function text(e: ReceivedEvent): string {
  return new TextDecoder().decode(e.value);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * The event-bus contract every adapter passes (the local log in libs/event-bus, Kafka against a
 * real broker in tools/kafka): per-key order, at-least-once with retry of a failing handler,
 * redelivery of an unfinished event after a crash, durable dead-lettering from a handler, and a
 * group that resumes after its last committed event when a consumer restarts.
 */
export function describeEventBusContract(
  adapterName: string,
  makeBus: () => Promise<EventBusUnderTest>,
  timeoutMs = 20_000,
): void {
  describe(`event bus contract: ${adapterName}`, () => {
    let bus: EventBusUnderTest;
    beforeAll(async () => {
      bus = await makeBus();
    }, timeoutMs);
    afterAll(async () => {
      await bus.teardown();
    }, timeoutMs);

    it(
      'delivers every event of a key in publish order',
      async () => {
        const topic = await bus.freshTopic();
        const publisher = bus.publisher();
        for (let i = 0; i < 50; i++) await publisher.publish([event(topic, i % 2 ? 'a' : 'b', i)]);
        const seen: string[] = [];
        const consumer = bus.consumer();
        await consumer.start({
          groupId: `order-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => void seen.push(text(e)),
        });
        await waitFor(() => seen.length >= 50, timeoutMs);
        await consumer.stop();
        await publisher.close();
        for (const key of ['a', 'b']) {
          const numbers = seen
            .filter((s) => s.startsWith(`${key}:`))
            .map((s) => Number(s.split(':')[1]));
          expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
        }
        expect(new Set(seen).size).toBe(50);
      },
      timeoutMs,
    );

    it(
      'redelivers an event whose handler failed, then moves on',
      async () => {
        const topic = await bus.freshTopic();
        const publisher = bus.publisher();
        await publisher.publish([event(topic, 'k', 1), event(topic, 'k', 2)]);
        let failuresLeft = 2;
        const handled: string[] = [];
        const consumer = bus.consumer();
        await consumer.start({
          groupId: `retry-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => {
            if (text(e) === 'k:1' && failuresLeft-- > 0) throw new Error('transient');
            handled.push(text(e));
          },
        });
        await waitFor(() => handled.length >= 2, timeoutMs);
        await consumer.stop();
        await publisher.close();
        expect(handled).toEqual(['k:1', 'k:2']);
      },
      timeoutMs,
    );

    it(
      'redelivers to the next consumer of the group an event whose handler never finished',
      async () => {
        const topic = await bus.freshTopic();
        const publisher = bus.publisher();
        await publisher.publish([1, 2, 3].map((n) => event(topic, 'k', n)));
        const first: string[] = [];
        let attemptsOnTwo = 0;
        const c1 = bus.consumer();
        await c1.start({
          groupId: `crash-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => {
            // The process "dies" while k:2 is being handled: it never completes here.
            if (text(e) === 'k:2') {
              attemptsOnTwo += 1;
              throw new Error('crashed mid-handler');
            }
            first.push(text(e));
          },
        });
        await waitFor(() => attemptsOnTwo >= 1, timeoutMs);
        await c1.stop();

        const second: string[] = [];
        const c2 = bus.consumer();
        await c2.start({
          groupId: `crash-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => void second.push(text(e)),
        });
        await waitFor(() => second.length >= 2, timeoutMs);
        await c2.stop();
        await publisher.close();
        expect(first).toEqual(['k:1']);
        expect(second).toEqual(['k:2', 'k:3']);
      },
      timeoutMs,
    );

    it(
      'lets a handler dead-letter a poison event durably and carry on past it',
      async () => {
        const topic = await bus.freshTopic();
        const dlq = await bus.freshTopic();
        const publisher = bus.publisher();
        await publisher.publish([
          event(topic, 'k', 1),
          { topic, key: 'k', value: new Uint8Array([0xff, 0x00, 0xfe]), headers: {} },
          event(topic, 'k', 3),
        ]);
        const handled: string[] = [];
        const consumer = bus.consumer();
        await consumer.start({
          groupId: `dlq-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => {
            if (e.value[0] === 0xff) {
              // Resolving only after the dead letter is durable, so it cannot be lost.
              await publisher.publish([
                {
                  topic: dlq,
                  key: e.key,
                  value: e.value,
                  headers: { 'dead-letter-reason': 'not text', 'source-offset': e.offset },
                },
              ]);
              return;
            }
            handled.push(text(e));
          },
        });
        await waitFor(() => handled.length >= 2, timeoutMs);
        await consumer.stop();

        const letters: ReceivedEvent[] = [];
        const reader = bus.consumer();
        await reader.start({
          groupId: `dlq-reader-${dlq}`,
          topics: [dlq],
          fromBeginning: true,
          handle: async (e) => void letters.push(e),
        });
        await waitFor(() => letters.length >= 1, timeoutMs);
        await reader.stop();
        await publisher.close();
        expect(handled).toEqual(['k:1', 'k:3']);
        expect(letters).toHaveLength(1);
        expect([...letters[0].value]).toEqual([0xff, 0x00, 0xfe]);
        expect(letters[0].headers['dead-letter-reason']).toBe('not text');
      },
      timeoutMs,
    );

    it(
      'resumes a group after its last committed event when the consumer restarts',
      async () => {
        const topic = await bus.freshTopic();
        const publisher = bus.publisher();
        await publisher.publish([1, 2, 3].map((n) => event(topic, 'k', n)));
        const first: string[] = [];
        const c1 = bus.consumer();
        await c1.start({
          groupId: `resume-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => void first.push(text(e)),
        });
        await waitFor(() => first.length >= 3, timeoutMs);
        await c1.stop();

        await publisher.publish([4, 5].map((n) => event(topic, 'k', n)));
        const second: string[] = [];
        const c2 = bus.consumer();
        await c2.start({
          groupId: `resume-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => void second.push(text(e)),
        });
        await waitFor(() => second.length >= 2, timeoutMs);
        await c2.stop();
        await publisher.close();
        expect(first).toEqual(['k:1', 'k:2', 'k:3']);
        expect(second).toEqual(['k:4', 'k:5']);
      },
      timeoutMs,
    );

    it(
      'lets independent groups each read the whole topic',
      async () => {
        const topic = await bus.freshTopic();
        const publisher = bus.publisher();
        await publisher.publish([event(topic, 'x', 1), event(topic, 'y', 2)]);
        const seen: Record<string, string[]> = { g1: [], g2: [] };
        const consumers = await Promise.all(
          Object.keys(seen).map(async (group) => {
            const consumer = bus.consumer();
            await consumer.start({
              groupId: `${group}-${topic}`,
              topics: [topic],
              fromBeginning: true,
              handle: async (e) => void seen[group].push(text(e)),
            });
            return consumer;
          }),
        );
        await waitFor(() => seen.g1.length >= 2 && seen.g2.length >= 2, timeoutMs);
        await Promise.all(consumers.map((c) => c.stop()));
        await publisher.close();
        expect(seen.g1.sort()).toEqual(['x:1', 'y:2']);
        expect(seen.g2.sort()).toEqual(['x:1', 'y:2']);
      },
      timeoutMs,
    );

    it(
      'keeps headers and keys intact',
      async () => {
        const topic = await bus.freshTopic();
        const publisher = bus.publisher();
        await publisher.publish([
          {
            ...event(topic, 'セッション', 1),
            headers: {
              traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
              'event-type': 'x.y',
            },
          },
        ]);
        const got: ReceivedEvent[] = [];
        const consumer = bus.consumer();
        await consumer.start({
          groupId: `headers-${topic}`,
          topics: [topic],
          fromBeginning: true,
          handle: async (e) => void got.push(e),
        });
        await waitFor(() => got.length >= 1, timeoutMs);
        await consumer.stop();
        await publisher.close();
        expect(got[0].key).toBe('セッション');
        expect(got[0].headers.traceparent).toBe(
          '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        );
        expect(got[0].topic).toBe(topic);
      },
      timeoutMs,
    );
  });
}
