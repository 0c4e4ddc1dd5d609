import { status } from '@grpc/grpc-js';
import {
  FinishReason,
  type GenerateResponse,
  GenerationService,
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
  Intent,
  Locale,
  Route,
} from '@mangaassist/contracts';
import { type GrpcClientHandle, createGrpcClient, startGrpcService } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { INestMicroservice } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppModule } from '../app/app.module';
import { generationConfigSchema } from '../app/generation.config';
import { createGenerationRuntime } from '../app/generation-runtime';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import type { AnswerEvent, AnswerProvider } from './answer-provider';

async function collect(stream: AsyncIterable<GenerateResponse>): Promise<GenerateResponse[]> {
  const events: GenerateResponse[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

function finalOf(events: GenerateResponse[]) {
  const last = events.at(-1)?.event;
  if (last?.case !== 'final') throw new Error('the stream did not end with a final event');
  return last.value;
}

function deltaText(events: GenerateResponse[]): string {
  return events.map((e) => (e.event.case === 'delta' ? e.event.value.text : '')).join('');
}

describe('GenerationService over gRPC (contract)', () => {
  let store: StoreFixtures;
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof GenerationService>;
  let address: string;

  beforeAll(async () => {
    store = await storeFixtures();
    const port = await freePort();
    const config = generationConfigSchema.parse({
      GENERATION_PORT: String(port),
      LOG_FORMAT: 'json',
    });
    app = await startGrpcService({
      name: 'generation',
      module: AppModule.forRuntime(await createGenerationRuntime(config)),
      services: [GenerationService],
      host: config.GENERATION_HOST,
      port: config.GENERATION_PORT,
      logFormat: config.LOG_FORMAT,
    });
    address = `${config.GENERATION_HOST}:${port}`;
    client = createGrpcClient(GenerationService, { address, defaultDeadlineMs: 5000 });
  });

  afterAll(async () => {
    client?.close();
    await app?.close();
  });

  it('reports SERVING for mangaassist.generation.v1.GenerationService', async () => {
    const health = createGrpcClient(Health, { address, defaultDeadlineMs: 2000 });
    const reply = await health.rpc.check({ service: GenerationService.typeName });
    expect(reply.status).toBe(ServingStatus.SERVING);
    health.close();
  });

  it('streams a Japanese answer: deltas, then one final event with citations', async () => {
    const events = await collect(
      client.rpc.generate({
        question: 'ONE PIECEは何巻まで出ていますか？次の巻はいつ？',
        locale: Locale.JA,
        intent: Intent.PRODUCT_QUESTION,
        route: Route.RAG,
        evidence: store.docs('MA-0001'),
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      }),
    );
    expect(events.filter((e) => e.event.case === 'final')).toHaveLength(1);
    expect(events.slice(0, -1).every((e) => e.event.case === 'delta')).toBe(true);
    const final = finalOf(events);
    expect(final.answer).toBe(deltaText(events));
    expect(final.answer).toContain('116巻');
    expect(final.answer).toContain('2026年12月4日');
    expect(final.citations.map((c) => ({ id: c.id, title: c.title }))).toEqual([
      { id: 'MA-0001', title: 'ONE PIECE' },
    ]);
    expect(final.finishReason).toBe(FinishReason.COMPLETE);
    expect(final.modelId).toBe('local-composer');
    expect(final.promptVersion).toBe('local-composer/v1');
    expect(final.inputTokens).toBe(0);
    expect(final.outputTokens).toBe(0);
    expect(final.estimatedCostUsd).toBe(0);
    expect(final.cacheHit).toBe(false);
    expect(final.attempts.map((a) => a.modelId)).toEqual(['local-composer']);
  });

  it('answers the same question again from the cache', async () => {
    const request = {
      question: 'How many volumes of Naruto are there?',
      locale: Locale.EN,
      intent: Intent.PRODUCT_QUESTION,
      route: Route.RAG,
      evidence: store.docs('MA-0002'),
    };
    const first = finalOf(await collect(client.rpc.generate(request)));
    const again = await collect(client.rpc.generate(request));
    expect(first.cacheHit).toBe(false);
    expect(finalOf(again).cacheHit).toBe(true);
    expect(finalOf(again).answer).toBe(first.answer);
    expect(deltaText(again)).toBe(first.answer);
  });

  it('streams an English answer, detecting the locale when unspecified', async () => {
    const events = await collect(
      client.rpc.generate({
        question: 'How much is shipping?',
        intent: Intent.SHIPPING_DELIVERY,
        route: Route.TEMPLATE,
        evidence: store.docs('POL-001'),
      }),
    );
    const final = finalOf(events);
    expect(final.answer).toBe(deltaText(events));
    expect(final.answer).toContain('440 JPY');
    expect(final.citations.map((c) => c.title)).toEqual(['Shipping fees and free shipping']);
  });

  it('answers with a safe message when no evidence came back', async () => {
    const final = finalOf(
      await collect(
        client.rpc.generate({
          question: 'How many volumes of Zombie Detective?',
          locale: Locale.EN,
        }),
      ),
    );
    expect(final.answer).toMatch(/couldn't find that in our catalog/);
    expect(final.answer).not.toMatch(/\d/);
    expect(final.citations).toEqual([]);
  });

  it.each([
    ['an empty question', { question: '' }, 'question: must not be empty'],
    ['a blank question', { question: ' \u3000\n' }, 'question: must not be empty'],
    [
      'a question over 2,000 characters',
      { question: 'ワ'.repeat(2001) },
      'question: must be at most 2000',
    ],
  ])('rejects %s with INVALID_ARGUMENT', async (_name, request, message) => {
    await expect(collect(client.rpc.generate(request))).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining(message),
    });
  });

  it('rejects more than 20 evidence documents with INVALID_ARGUMENT', async () => {
    const evidence = store.docs(...store.snapshot.items.slice(0, 21).map((i) => i.id));
    await expect(
      collect(client.rpc.generate({ question: 'How many volumes?', evidence })),
    ).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('evidence: at most 20 documents'),
    });
  });
});

describe('GenerationService over gRPC: client cancellation', () => {
  const seen: { signal?: AbortSignal; stopped: boolean } = { stopped: false };

  // A provider that writes forever, so only the client's cancel can end the call.
  const endless: AnswerProvider = {
    modelId: 'endless',
    promptVersion: 'endless/v1',
    async *generate(_request, signal): AsyncIterable<AnswerEvent> {
      seen.signal = signal;
      try {
        for (let i = 0; !signal.aborted; i++) {
          yield { kind: 'text', text: `chunk ${i}. ` };
          await sleep(5);
        }
      } finally {
        seen.stopped = true;
      }
    },
  };

  it('stops the provider when the client cancels the stream', async () => {
    const port = await freePort();
    const runtime = await createGenerationRuntime(
      generationConfigSchema.parse({ GENERATION_CACHE: 'off', GENERATION_METRICS_LOG_MS: '0' }),
    );
    const store = await storeFixtures();
    const app = await startGrpcService({
      name: 'generation',
      module: AppModule.forRuntime({
        ...runtime,
        providers: { composer: runtime.providers.composer, forTier: () => endless },
      }),
      services: [GenerationService],
      host: '127.0.0.1',
      port,
      logFormat: 'json',
    });
    const client = createGrpcClient(GenerationService, {
      address: `127.0.0.1:${port}`,
      defaultDeadlineMs: 5000,
    });
    try {
      const abort = new AbortController();
      const received: GenerateResponse[] = [];
      const reading = (async () => {
        for await (const event of client.rpc.generate(
          { question: 'Tell me everything', evidence: store.docs('MA-0001') },
          { signal: abort.signal },
        )) {
          received.push(event);
          if (received.length === 3) abort.abort();
        }
      })();
      await expect(reading).rejects.toMatchObject({ code: status.CANCELLED });
      for (let i = 0; i < 100 && !seen.stopped; i++) await sleep(10);
      expect(seen.signal?.aborted).toBe(true);
      expect(seen.stopped).toBe(true);
      expect(received.every((e) => e.event.case === 'delta')).toBe(true);
    } finally {
      client.close();
      await app.close();
    }
  });
});
