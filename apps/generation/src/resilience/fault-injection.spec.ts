import { Intent, Route } from '@mangaassist/contracts';
import { LocalComposerProvider } from '../generation/adapters/local-composer.provider';
import type { AnswerEvent, AnswerRequest } from '../generation/answer-provider';
import { ModelCallError } from '../llm/model-client';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { FaultInjectingProvider } from './fault-injection';

async function drain(stream: AsyncIterable<AnswerEvent>) {
  const events: AnswerEvent[] = [];
  try {
    for await (const event of stream) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

describe('FaultInjectingProvider (GENERATION_FAULTS)', () => {
  let store: StoreFixtures;
  let request: AnswerRequest;
  beforeAll(async () => {
    store = await storeFixtures();
    request = {
      question: 'ONE PIECEは何巻？',
      locale: 'ja',
      intent: Intent.PRODUCT_QUESTION,
      route: Route.RAG,
      entities: undefined,
      evidence: store.docs('MA-0001'),
      history: [],
      signedIn: false,
      traceId: '',
    };
  });

  const faulty = (faults: ('throttle' | 'unavailable' | 'midstream_error' | 'slow')[], rate = 1) =>
    new FaultInjectingProvider(new LocalComposerProvider(), {
      faults,
      rate,
      slowMs: 120,
      random: () => 0.5,
    });

  it.each([
    ['throttle', 'throttled'],
    ['unavailable', 'unavailable'],
  ] as const)('%s fails before any text as %s', async (fault, kind) => {
    const { events, error } = await drain(
      faulty([fault]).generate(request, new AbortController().signal),
    );
    expect(events).toEqual([]);
    expect((error as ModelCallError).kind).toBe(kind);
  });

  it('midstream_error fails after the first piece of text, never with a done event', async () => {
    const { events, error } = await drain(
      faulty(['midstream_error']).generate(request, new AbortController().signal),
    );
    expect(events.map((e) => e.kind)).toEqual(['text']);
    expect((error as ModelCallError).message).toContain('midstream_error');
  });

  it('slow delays the first text, then answers whole', async () => {
    const started = Date.now();
    const { events, error } = await drain(
      faulty(['slow']).generate(request, new AbortController().signal),
    );
    expect(error).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(events.at(-1)?.kind).toBe('done');
  });

  it('applies a fault only to the configured share of calls', async () => {
    const { error } = await drain(
      faulty(['throttle'], 0.4).generate(request, new AbortController().signal),
    );
    expect(error).toBeUndefined();
  });
});
