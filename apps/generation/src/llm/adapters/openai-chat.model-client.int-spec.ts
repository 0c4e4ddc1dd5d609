import { setTimeout as sleep } from 'node:timers/promises';
import { FakeOpenAiServer, type FakeChatScript } from '../../testing/fake-openai.server';
import { ModelCallError, type ModelCall, type ModelEvent } from '../model-client';
import { OpenAiChatModelClient, retryAfterMs } from './openai-chat.model-client';

const CALL: ModelCall = {
  modelId: 'qwen2.5:7b-instruct',
  system: 'You are the store assistant.',
  user: 'EVIDENCE: [MA-0002] NARUTO ... QUESTION: Is Naruto finished?',
  maxOutputTokens: 300,
  temperature: 0.2,
  traceId: 'trace-openai',
};

async function drain(
  stream: AsyncIterable<ModelEvent>,
): Promise<{ events: ModelEvent[]; error?: unknown }> {
  const events: ModelEvent[] = [];
  try {
    for await (const event of stream) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

const texts = (events: ModelEvent[]) => events.flatMap((e) => (e.kind === 'text' ? [e.text] : []));

describe('OpenAiChatModelClient against a fake chat-completions endpoint (SSE)', () => {
  let server: FakeOpenAiServer;
  let script: (index: number) => FakeChatScript;
  let client: OpenAiChatModelClient;

  beforeAll(async () => {
    server = await FakeOpenAiServer.start((_request, index) => script(index), {
      apiKey: 'sk-local',
    });
    client = new OpenAiChatModelClient({ baseUrl: server.baseUrl, apiKey: 'sk-local' });
  });

  afterAll(async () => {
    await server.close();
  });

  it('streams English deltas, the finish reason and usage, sending the chat request', async () => {
    script = () => ({
      chunks: ['Naruto is ', 'complete in 72 volumes', '. [MA-0002]'],
      usage: { promptTokens: 640, completionTokens: 18 },
    });
    const { events, error } = await drain(client.stream(CALL, new AbortController().signal));
    expect(error).toBeUndefined();
    expect(texts(events)).toEqual(['Naruto is ', 'complete in 72 volumes', '. [MA-0002]']);
    expect(events).toContainEqual({ kind: 'stop', reason: 'complete' });
    expect(events).toContainEqual({ kind: 'usage', inputTokens: 640, outputTokens: 18 });
    const request = server.requests.at(-1);
    expect(request?.headers.authorization).toBe('Bearer sk-local');
    expect(request?.body).toMatchObject({
      model: 'qwen2.5:7b-instruct',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 300,
      messages: [
        { role: 'system', content: CALL.system },
        { role: 'user', content: CALL.user },
      ],
    });
  });

  it('streams Japanese text and a length stop', async () => {
    script = () => ({ chunks: ['ナルトは', '全72巻で完結しています。'], finishReason: 'length' });
    const { events } = await drain(client.stream(CALL, new AbortController().signal));
    expect(texts(events).join('')).toBe('ナルトは全72巻で完結しています。');
    expect(events).toContainEqual({ kind: 'stop', reason: 'length' });
  });

  it('maps HTTP 429 to throttled with the Retry-After wait', async () => {
    script = () => ({ chunks: [], fail: 'throttle', retryAfterSeconds: 2 });
    const { error } = await drain(client.stream(CALL, new AbortController().signal));
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).kind).toBe('throttled');
    expect((error as ModelCallError).retryAfterMs).toBe(2000);
    expect((error as ModelCallError).message).toContain('Rate limit reached');
  });

  it('maps HTTP 503 to unavailable and a bad key (401) to error', async () => {
    script = () => ({ chunks: [], fail: 'unavailable' });
    expect(
      ((await drain(client.stream(CALL, new AbortController().signal))).error as ModelCallError)
        .kind,
    ).toBe('unavailable');
    const wrongKey = new OpenAiChatModelClient({ baseUrl: server.baseUrl, apiKey: 'sk-wrong' });
    script = () => ({ chunks: ['never'] });
    const { error } = await drain(wrongKey.stream(CALL, new AbortController().signal));
    expect((error as ModelCallError).kind).toBe('error');
    expect((error as ModelCallError).message).toContain('HTTP 401');
  });

  it('fails after the first delta when the server sends an error event mid-stream', async () => {
    script = () => ({
      chunks: ['Naruto ', 'is ', 'complete.'],
      fail: 'midstream',
      failAfterChunks: 1,
    });
    const { events, error } = await drain(client.stream(CALL, new AbortController().signal));
    expect(texts(events)).toEqual(['Naruto ']);
    expect((error as ModelCallError).message).toContain('upstream model crashed');
  });

  it.each([
    ['the connection drops', 'reset'],
    ['the body ends without [DONE]', 'no_done'],
  ] as const)('fails, never ending quietly, when %s', async (_name, fail) => {
    script = () => ({ chunks: ['ナルトは', '全72巻'], fail, failAfterChunks: 1, chunkDelayMs: 5 });
    const { events, error } = await drain(client.stream(CALL, new AbortController().signal));
    expect(error).toBeInstanceOf(ModelCallError);
    expect(events.some((e) => e.kind === 'stop')).toBe(false);
  });

  it('refuses a connection to nowhere as unavailable', async () => {
    const nowhere = new OpenAiChatModelClient({ baseUrl: 'http://127.0.0.1:1/v1' });
    const { error } = await drain(nowhere.stream(CALL, new AbortController().signal));
    expect((error as ModelCallError).kind).toBe('unavailable');
  });

  it('closes the HTTP request when the caller aborts', async () => {
    script = () => ({
      chunks: Array.from({ length: 50 }, (_, i) => `piece ${i} `),
      chunkDelayMs: 20,
    });
    const abort = new AbortController();
    const seen: ModelEvent[] = [];
    await (async () => {
      for await (const event of client.stream(CALL, abort.signal)) {
        seen.push(event);
        if (texts(seen).length === 2) abort.abort();
      }
    })().catch(() => undefined);
    const request = server.requests.at(-1);
    for (let i = 0; i < 100 && !request?.cancelledByClient; i++) await sleep(10);
    expect(request?.cancelledByClient).toBe(true);
    expect(request?.chunksSent).toBeLessThan(50);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
