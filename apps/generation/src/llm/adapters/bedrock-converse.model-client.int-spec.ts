import { setTimeout as sleep } from 'node:timers/promises';
import { FakeBedrockServer, type FakeModelScript } from '../../testing/fake-bedrock.server';
import { ModelCallError, type ModelCall, type ModelEvent } from '../model-client';
import {
  BedrockConverseModelClient,
  createBedrockRuntimeClient,
} from './bedrock-converse.model-client';

const CALL: ModelCall = {
  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
  system: 'You are the store assistant.',
  user: 'EVIDENCE: [MA-0001] ONE PIECE ... QUESTION: ONE PIECEは何巻？',
  maxOutputTokens: 300,
  temperature: 0.2,
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
};

async function collect(
  stream: AsyncIterable<ModelEvent>,
  signal?: AbortController,
  abortAfter = Infinity,
) {
  const events: ModelEvent[] = [];
  for await (const event of stream) {
    events.push(event);
    if (events.filter((e) => e.kind === 'text').length >= abortAfter) signal?.abort();
  }
  return events;
}

/** The real SDK (signing, serde, HTTP/2 handler) against the local fake ConverseStream endpoint. */
describe('BedrockConverseModelClient against a fake Bedrock endpoint (real event-stream encoding)', () => {
  let server: FakeBedrockServer;
  let script: (index: number) => FakeModelScript;
  let client: BedrockConverseModelClient;
  let sdk: ReturnType<typeof createBedrockRuntimeClient>;

  beforeAll(async () => {
    server = await FakeBedrockServer.start((_request, index) => script(index));
    sdk = createBedrockRuntimeClient({
      region: 'ap-northeast-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    client = new BedrockConverseModelClient(sdk);
  });

  afterAll(async () => {
    sdk.destroy();
    await server.close();
  });

  it('streams Japanese text, the stop reason and the billed tokens, with a signed request', async () => {
    script = () => ({
      chunks: ['ONE PIECEは', '現在116巻まで', '発売されています。[MA-0001]'],
      usage: { inputTokens: 812, outputTokens: 31 },
    });
    const events = await collect(client.stream(CALL, new AbortController().signal));
    expect(
      events.filter((e) => e.kind === 'text').map((e) => (e.kind === 'text' ? e.text : '')),
    ).toEqual(['ONE PIECEは', '現在116巻まで', '発売されています。[MA-0001]']);
    expect(events).toContainEqual({ kind: 'stop', reason: 'complete' });
    expect(events).toContainEqual({ kind: 'usage', inputTokens: 812, outputTokens: 31 });
    const request = server.requests.at(-1);
    expect(request?.modelId).toBe(CALL.modelId);
    expect(String(request?.headers.authorization)).toMatch(
      /Credential=AKIDEXAMPLE\/\d{8}\/ap-northeast-1\/bedrock\/aws4_request/,
    );
    expect(request?.body.system).toEqual([{ text: CALL.system }]);
    expect(request?.body.messages).toEqual([{ role: 'user', content: [{ text: CALL.user }] }]);
    expect(request?.body.inferenceConfig).toEqual({ maxTokens: 300, temperature: 0.2 });
  });

  it('reports max_tokens as a length stop (English)', async () => {
    script = () => ({ chunks: ['One Piece has 116 volumes'], stopReason: 'max_tokens' });
    const events = await collect(client.stream(CALL, new AbortController().signal));
    expect(events).toContainEqual({ kind: 'stop', reason: 'length' });
  });

  it.each([
    ['ThrottlingException (HTTP 429)', 'throttled', 'throttle'],
    ['ServiceUnavailableException (HTTP 503)', 'unavailable', 'unavailable'],
    ['ValidationException (HTTP 400)', 'error', 'validation'],
  ] as const)('maps %s to a %s failure before any text', async (_name, kind, fail) => {
    script = () => ({ chunks: ['never sent'], fail });
    const error = await collect(client.stream(CALL, new AbortController().signal)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).kind).toBe(kind);
  });

  it.each([
    ['a modelStreamErrorException frame', 'error', 'midstream'],
    ['a throttlingException frame', 'throttled', 'midstream_throttle'],
  ] as const)(
    'fails after the first text when the stream carries %s (%s)',
    async (_name, kind, fail) => {
      script = () => ({ chunks: ['ONE PIECEは', '116巻', 'です。'], fail, failAfterChunks: 1 });
      const events: ModelEvent[] = [];
      const error = await (async () => {
        for await (const event of client.stream(CALL, new AbortController().signal))
          events.push(event);
      })().catch((e: unknown) => e);
      expect(events).toEqual([{ kind: 'text', text: 'ONE PIECEは' }]);
      expect((error as ModelCallError).kind).toBe(kind);
    },
  );

  it('fails (does not end quietly) when the HTTP/2 stream is reset midway', async () => {
    script = () => ({
      chunks: ['One Piece ', 'has ', '116 volumes.'],
      fail: 'reset',
      failAfterChunks: 2,
      chunkDelayMs: 5,
    });
    const events: ModelEvent[] = [];
    const error = await (async () => {
      for await (const event of client.stream(CALL, new AbortController().signal))
        events.push(event);
    })().catch((e: unknown) => e);
    expect(events.filter((e) => e.kind === 'text')).toHaveLength(2);
    expect(error).toBeInstanceOf(ModelCallError);
    expect(events.some((e) => e.kind === 'stop')).toBe(false);
  });

  it('cancels the HTTP/2 stream on the wire when the caller aborts (AbortSignal reaches the SDK)', async () => {
    script = () => ({
      chunks: Array.from({ length: 50 }, (_, i) => `piece ${i} `),
      chunkDelayMs: 20,
    });
    const abort = new AbortController();
    const events = await collect(client.stream(CALL, abort.signal), abort, 2).catch(() => []);
    const request = server.requests.at(-1);
    for (let i = 0; i < 100 && !request?.cancelledByClient; i++) await sleep(10);
    expect(request?.cancelledByClient).toBe(true);
    expect(request?.chunksSent).toBeLessThan(50);
    expect(events.filter((e) => e.kind === 'text').length).toBeLessThan(50);
  });

  it('closes the stream on the wire when the caller stops reading early', async () => {
    script = () => ({
      chunks: Array.from({ length: 50 }, (_, i) => `piece ${i} `),
      chunkDelayMs: 20,
    });
    for await (const event of client.stream(CALL, new AbortController().signal)) {
      if (event.kind === 'text') break;
    }
    const request = server.requests.at(-1);
    for (let i = 0; i < 100 && !request?.cancelledByClient; i++) await sleep(10);
    expect(request?.cancelledByClient).toBe(true);
  });
});
