import {
  FinishReason,
  type GenerateResponse,
  GenerationService,
  Intent,
  Locale,
  Route,
} from '@mangaassist/contracts';
import { type GrpcClientHandle, createGrpcClient, startGrpcService } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { INestMicroservice } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  FakeBedrockServer,
  type FakeBedrockRequest,
  type FakeModelScript,
} from '../testing/fake-bedrock.server';
import { FakeOpenAiServer, type FakeChatScript } from '../testing/fake-openai.server';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { AppModule } from './app.module';
import { loadGenerationConfig } from './generation.config';
import { createGenerationRuntime } from './generation-runtime';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

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

const deltaText = (events: GenerateResponse[]) =>
  events.map((e) => (e.event.case === 'delta' ? e.event.value.text : '')).join('');

async function serve(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const config = loadGenerationConfig({
    ...env,
    GENERATION_PORT: String(port),
    GENERATION_CACHE: 'off',
    GENERATION_METRICS_LOG_MS: '0',
    GENERATION_RETRY_BASE_MS: '5',
    GENERATION_RETRY_MAX_MS: '20',
    // Generous: a cold SDK on a loaded CI machine must not look like a slow model.
    GENERATION_FIRST_TOKEN_TIMEOUT_MS: '1500',
    LOG_FORMAT: 'json',
  });
  const runtime = await createGenerationRuntime(config, {
    bedrockCredentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    random: () => 0.5,
  });
  const app = await startGrpcService({
    name: 'generation',
    module: AppModule.forRuntime(runtime),
    services: [GenerationService],
    host: '127.0.0.1',
    port,
    logFormat: 'json',
  });
  const client = createGrpcClient(GenerationService, {
    address: `127.0.0.1:${port}`,
    defaultDeadlineMs: 10_000,
  });
  return { app, client };
}

/** The whole service with GENERATION_PROVIDER=bedrock, the SDK pointed at the fake endpoint. */
describe('generation service with Bedrock (fake ConverseStream endpoint)', () => {
  let store: StoreFixtures;
  let fake: FakeBedrockServer;
  let behaviour: (request: FakeBedrockRequest) => FakeModelScript;
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof GenerationService>;

  beforeAll(async () => {
    store = await storeFixtures();
    fake = await FakeBedrockServer.start((request) => behaviour(request));
    ({ app, client } = await serve({
      GENERATION_PROVIDER: 'bedrock',
      BEDROCK_REGION: 'ap-northeast-1',
      BEDROCK_ENDPOINT: fake.url,
    }));
  });

  afterAll(async () => {
    client?.close();
    await app?.close();
    await fake?.close();
  });

  it('answers a Japanese product question with the Haiku-class model, cited, with tokens and cost', async () => {
    behaviour = () => ({
      chunks: [
        'ONE PIECEは現在',
        '116巻まで発売されています。[MA-0001]',
        '次の第117巻は2026年12月4日発売予定です。[MA-0001]',
      ],
      usage: { inputTokens: 1200, outputTokens: 60 },
    });
    const events = await collect(
      client.rpc.generate({
        question: 'ONE PIECEは何巻まで出ていますか？',
        locale: Locale.JA,
        intent: Intent.PRODUCT_QUESTION,
        route: Route.RAG,
        evidence: store.docs('MA-0001', 'MA-0002'),
        traceId: 'trace-ja',
      }),
    );
    const final = finalOf(events);
    expect(final.finishReason).toBe(FinishReason.COMPLETE);
    expect(final.answer).toBe(
      'ONE PIECEは現在116巻まで発売されています。次の第117巻は2026年12月4日発売予定です。',
    );
    expect(deltaText(events)).toBe(final.answer);
    expect(final.citations.map((c) => [c.id, c.title])).toEqual([['MA-0001', 'ONE PIECE']]);
    expect(final.modelId).toBe(HAIKU);
    expect(final.promptVersion).toBe('grounded-answer/v1');
    expect(final.inputTokens).toBe(1200);
    expect(final.outputTokens).toBe(60);
    expect(final.estimatedCostUsd).toBeCloseTo(1.2 * 0.00025 + 0.06 * 0.00125, 9);
    const sent = fake.requests.at(-1);
    expect(sent?.modelId).toBe(HAIKU);
    expect(sent?.body.messages?.[0].content?.[0].text).toContain('[MA-0001] ONE PIECE');
    expect(sent?.body.system?.[0].text).toContain('Write the answer in Japanese');
  });

  it('sends a comparison to Sonnet, and falls back to Haiku when Sonnet stays throttled', async () => {
    behaviour = (request) =>
      request.modelId === SONNET
        ? { chunks: [], fail: 'throttle' }
        : {
            chunks: [
              'Naruto is complete in 72 volumes, [MA-0002] ',
              'while Boruto is ongoing. [MA-0003]',
            ],
          };
    const before = fake.requests.length;
    const final = finalOf(
      await collect(
        client.rpc.generate({
          question: "What's the difference between Naruto and Boruto?",
          locale: Locale.EN,
          intent: Intent.PRODUCT_QUESTION,
          route: Route.RAG,
          evidence: store.docs('MA-0002', 'MA-0003'),
        }),
      ),
    );
    expect(fake.requests.slice(before).map((r) => r.modelId)).toEqual([
      SONNET,
      SONNET,
      SONNET,
      HAIKU,
    ]);
    expect(final.modelId).toBe(HAIKU);
    expect(final.attempts.map((a) => `${a.modelId}:${a.outcome}`)).toEqual([
      `${SONNET}:throttled`,
      `${SONNET}:throttled`,
      `${SONNET}:throttled`,
      `${HAIKU}:ok`,
    ]);
    expect(final.answer).toBe('Naruto is complete in 72 volumes, while Boruto is ongoing.');
    expect(final.citations.map((c) => c.id)).toEqual(['MA-0002', 'MA-0003']);
  });

  it('falls back Sonnet -> Haiku -> local composer when Bedrock is down, and says so in the attempts', async () => {
    behaviour = () => ({ chunks: [], fail: 'unavailable' });
    const final = finalOf(
      await collect(
        client.rpc.generate({
          question: 'ONE PIECEとNARUTOの違いは？',
          locale: Locale.JA,
          intent: Intent.PRODUCT_QUESTION,
          route: Route.RAG,
          evidence: store.docs('MA-0001', 'MA-0002'),
        }),
      ),
    );
    expect(final.finishReason).toBe(FinishReason.COMPLETE);
    expect(final.modelId).toBe('local-composer');
    expect(final.answer).toContain('ONE PIECE');
    expect(final.attempts.map((a) => a.modelId)).toEqual([
      SONNET,
      SONNET,
      SONNET,
      HAIKU,
      HAIKU,
      HAIKU,
      'local-composer',
    ]);
    expect(final.estimatedCostUsd).toBe(0);
  });

  it('abandons a slow model at the first-token timeout for the next one', async () => {
    behaviour = (request) =>
      request.modelId === SONNET
        ? { chunks: ['late'], firstChunkDelayMs: 8000 }
        : { chunks: ['Try Death Note. [MA-0002]'] };
    const started = Date.now();
    const final = finalOf(
      await collect(
        client.rpc.generate({
          question: 'Can you recommend something like Naruto?',
          locale: Locale.EN,
          intent: Intent.PRODUCT_SEARCH,
          route: Route.RAG,
          evidence: store.docs('MA-0001', 'MA-0002'),
        }),
      ),
    );
    expect(Date.now() - started).toBeLessThan(6000);
    expect(final.attempts.map((a) => `${a.modelId}:${a.outcome}`)).toEqual([
      `${SONNET}:timeout`,
      `${HAIKU}:ok`,
    ]);
  });

  it('ends with an honest error, no answer, when the stream breaks after text was sent', async () => {
    behaviour = () => ({
      chunks: ['ONE PIECEは', '116巻', 'です。'],
      fail: 'midstream',
      failAfterChunks: 1,
    });
    const events = await collect(
      client.rpc.generate({
        question: 'ONE PIECEは何巻？',
        locale: Locale.JA,
        intent: Intent.PRODUCT_QUESTION,
        route: Route.RAG,
        evidence: store.docs('MA-0001'),
      }),
    );
    const final = finalOf(events);
    expect(deltaText(events)).toBe('ONE PIECEは');
    expect(final.finishReason).toBe(FinishReason.ERROR);
    expect(final.answer).toBe('');
    expect(final.errorMessage).toMatch(/failed after its answer had started/);
    expect(final.attempts.map((a) => `${a.modelId}:${a.outcome}`)).toEqual([`${HAIKU}:error`]);
  });

  it.each([
    ['availability_price', Intent.AVAILABILITY_PRICE, Route.API, 'ONE PIECEの値段は？'],
    [
      'release_preorder',
      Intent.RELEASE_PREORDER,
      Route.API,
      'When is the next One Piece volume out?',
    ],
    ['shipping template', Intent.SHIPPING_DELIVERY, Route.TEMPLATE, 'How much is shipping?'],
  ])('never calls Bedrock for a %s turn', async (_name, intent, route, question) => {
    behaviour = () => ({ chunks: ['must not be used'] });
    const before = fake.requests.length;
    const final = finalOf(
      await collect(
        client.rpc.generate({
          question,
          intent,
          route,
          evidence: store.docs(route === Route.TEMPLATE ? 'POL-001' : 'MA-0001'),
        }),
      ),
    );
    expect(fake.requests.length).toBe(before);
    expect(final.modelId).toBe('local-composer');
    expect(final.answer).not.toContain('must not be used');
  });

  it('cancels the Bedrock HTTP/2 stream when the gRPC client cancels (AbortSignal to the SDK)', async () => {
    behaviour = () => ({
      chunks: Array.from({ length: 100 }, (_, i) => `part ${i}. `),
      chunkDelayMs: 20,
    });
    const abort = new AbortController();
    let deltas = 0;
    const reading = (async () => {
      for await (const event of client.rpc.generate(
        {
          question: 'Tell me everything about One Piece',
          intent: Intent.PRODUCT_QUESTION,
          route: Route.RAG,
          evidence: store.docs('MA-0001'),
        },
        { signal: abort.signal },
      )) {
        if (event.event.case === 'delta' && ++deltas === 3) abort.abort();
      }
    })();
    await reading.catch(() => undefined);
    const request = fake.requests.at(-1);
    for (let i = 0; i < 200 && !request?.cancelledByClient; i++) await sleep(10);
    expect(request?.cancelledByClient).toBe(true);
    expect(request?.chunksSent).toBeLessThan(100);
  });
});

/** The whole service with GENERATION_PROVIDER=openai against the fake SSE endpoint. */
describe('generation service with an OpenAI-compatible endpoint (fake SSE server)', () => {
  let store: StoreFixtures;
  let fake: FakeOpenAiServer;
  let behaviour: () => FakeChatScript;
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof GenerationService>;

  beforeAll(async () => {
    store = await storeFixtures();
    fake = await FakeOpenAiServer.start(() => behaviour(), { apiKey: 'sk-local' });
    ({ app, client } = await serve({
      GENERATION_PROVIDER: 'openai',
      OPENAI_BASE_URL: fake.baseUrl,
      OPENAI_API_KEY: 'sk-local',
    }));
  });

  afterAll(async () => {
    client?.close();
    await app?.close();
    await fake?.close();
  });

  it('answers in English with citations and the server-reported usage (priced at 0 for a self-hosted model)', async () => {
    behaviour = () => ({
      chunks: ['Naruto is complete ', 'in 72 volumes. [MA-0002]'],
      usage: { promptTokens: 700, completionTokens: 15 },
    });
    const final = finalOf(
      await collect(
        client.rpc.generate({
          question: 'Is Naruto finished?',
          intent: Intent.PRODUCT_QUESTION,
          route: Route.RAG,
          evidence: store.docs('MA-0002'),
        }),
      ),
    );
    expect(final.answer).toBe('Naruto is complete in 72 volumes.');
    expect(final.modelId).toBe('qwen2.5:7b-instruct');
    expect(final.citations.map((c) => c.id)).toEqual(['MA-0002']);
    expect(final.inputTokens).toBe(700);
    expect(final.estimatedCostUsd).toBe(0);
  });

  it('retries 429s, then falls back to the local composer in Japanese', async () => {
    behaviour = () => ({ chunks: [], fail: 'throttle', retryAfterSeconds: 0 });
    const before = fake.requests.length;
    const final = finalOf(
      await collect(
        client.rpc.generate({
          question: 'ナルトは完結してる？',
          locale: Locale.JA,
          intent: Intent.PRODUCT_QUESTION,
          route: Route.RAG,
          evidence: store.docs('MA-0002'),
        }),
      ),
    );
    expect(fake.requests.length - before).toBe(3);
    expect(final.modelId).toBe('local-composer');
    expect(final.answer).toContain('2014年完結');
    expect(final.attempts.map((a) => a.outcome)).toEqual([
      'throttled',
      'throttled',
      'throttled',
      'ok',
    ]);
  });

  it('closes the HTTP request when the gRPC client cancels', async () => {
    behaviour = () => ({
      chunks: Array.from({ length: 100 }, (_, i) => `part ${i}. `),
      chunkDelayMs: 20,
    });
    const abort = new AbortController();
    let deltas = 0;
    await (async () => {
      for await (const event of client.rpc.generate(
        {
          question: 'Tell me about Naruto',
          intent: Intent.PRODUCT_QUESTION,
          route: Route.RAG,
          evidence: store.docs('MA-0002'),
        },
        { signal: abort.signal },
      )) {
        if (event.event.case === 'delta' && ++deltas === 3) abort.abort();
      }
    })().catch(() => undefined);
    const request = fake.requests.at(-1);
    for (let i = 0; i < 200 && !request?.cancelledByClient; i++) await sleep(10);
    expect(request?.cancelledByClient).toBe(true);
  });
});
