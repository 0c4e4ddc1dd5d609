import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RetrainingQueueService, Rating } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { type RunningStack, SERVICES, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import WebSocket from 'ws';

/**
 * The whole assistant as separate processes, as `npm start` runs it: a Japanese and an English
 * question get correct, cited answers from the sample catalog, the WebSocket streams, bad input
 * is refused clearly, and a thumbs-down reaches the retraining queue under the same trace id.
 */
describe('MangaAssist end to end (all services as processes)', () => {
  const root = resolve(__dirname, '../../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'mangaassist-e2e-'));
  const logs: string[] = [];
  let stack: RunningStack;
  let gatewayUrl: string;

  beforeAll(async () => {
    const ports: Record<string, number> = {};
    for (const spec of SERVICES) ports[spec.name] = await freePort();
    stack = await startStack({
      root,
      ports,
      env: {
        EVENT_LOG_PATH: join(dataDir, 'events.db'),
        RETRAINING_DB_PATH: join(dataDir, 'retraining.db'),
        LOG_FORMAT: 'json',
      },
      onLine: (service, line) => logs.push(`${service} | ${line}`),
      readyTimeoutMs: 90_000,
    });
    gatewayUrl = stack.gatewayUrl ?? '';
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  async function chat(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${gatewayUrl}/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('answers a Japanese question with the catalog volume count and cites the series', async () => {
    const { status, json } = await chat({ message: 'ONE PIECEは何巻まで出ていますか？' });
    expect(status).toBe(200);
    expect(json.answer).toEqual(expect.stringContaining('116'));
    expect(json.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'MA-0001' })]),
    );
    expect(json.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(json.intent).toBe('product_question');
    expect(json.route).toBe('rag');
  });

  it('answers the same question in English', async () => {
    const { status, json } = await chat({ message: 'How many volumes of One Piece are out?' });
    expect(status).toBe(200);
    expect(json.answer).toEqual(expect.stringMatching(/116/));
    expect(json.citations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'MA-0001' })]),
    );
    expect(json.answer).not.toMatch(/[ぁ-んァ-ン]/);
  });

  it('answers a store policy question from the policies without an LLM route', async () => {
    const { json } = await chat({ message: '送料はいくらですか？' });
    expect(json.route).toBe('template');
    expect(json.answer).toEqual(expect.stringContaining('440'));
    expect((json.citations as { id: string }[]).some((c) => c.id.startsWith('POL-'))).toBe(true);
  });

  it('streams deltas over the WebSocket and ends with a final frame', async () => {
    const frames = await streamOverSocket(gatewayUrl, {
      type: 'chat',
      message: 'Who wrote Chainsaw Man?',
    });
    const deltas = frames.filter((f) => f.type === 'delta');
    const final = frames[frames.length - 1];
    expect(deltas.length).toBeGreaterThan(0);
    expect(final.type).toBe('final');
    expect(deltas.map((d) => d.text).join('')).toBe(final.answer);
    expect(final.answer).toMatch(/Tatsuki Fujimoto/);
  });

  it('refuses bad input with clear errors', async () => {
    expect((await chat({ message: '   ' })).json).toEqual({
      error: { code: 'invalid_request', message: 'message: must not be empty' },
    });
    expect((await chat({ message: 'x'.repeat(2001) })).status).toBe(400);
    expect((await chat('{"message": ')).json).toMatchObject({ error: { code: 'invalid_json' } });
    expect((await chat({ message: 'hi', colour: 'red' })).json).toMatchObject({
      error: { message: expect.stringContaining('colour') },
    });
    expect((await chat({ message: 42 })).json).toMatchObject({
      error: { message: expect.stringContaining('message') },
    });
    const frames = await streamOverSocket(gatewayUrl, { type: 'chat', message: '' });
    expect(frames[0]).toMatchObject({ type: 'error', code: 'invalid_request' });
  });

  it('delivers a thumbs-down to the retraining queue with the same trace id', async () => {
    const { json } = await chat({
      message: '進撃の巨人は完結していますか？',
      sessionId: 'e2e-session-1',
    });
    const traceId = json.traceId as string;
    const feedback = await fetch(`${gatewayUrl}/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        traceId,
        sessionId: 'e2e-session-1',
        rating: 'down',
        reason: 'wrong_answer',
        comment: '巻数が違う気がする',
      }),
    });
    expect(feedback.status).toBe(202);

    const queue = createGrpcClient(RetrainingQueueService, {
      address: `127.0.0.1:${stack.ports['retraining-queue']}`,
      defaultDeadlineMs: 2000,
    });
    const deadline = Date.now() + 15_000;
    let item;
    while (Date.now() < deadline) {
      const page = await queue.rpc.listItems({ traceId });
      item = page.items[0];
      if (item?.trace && item.feedback.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    queue.close();
    expect(item?.traceId).toBe(traceId);
    expect(item?.trace?.traceId).toBe(traceId);
    expect(item?.trace?.answer).toBe(json.answer);
    expect(item?.feedback[0].rating).toBe(Rating.DOWN);
    expect(item?.feedback[0].traceId).toBe(traceId);
    // The shopper's own session id never leaves the gateway.
    expect(item?.trace?.sessionId).not.toBe('e2e-session-1');
    expect(item?.trace?.sessionId).toBe(item?.feedback[0].sessionId);
  }, 30_000);

  it('gives a polite error, not a hang, when a service is down', async () => {
    await stack.stopService('generation');
    const started = Date.now();
    const { status, json } = await chat({ message: 'What is Frieren about?' });
    expect(status).toBe(503);
    expect(json).toMatchObject({
      error: {
        code: 'upstream_unavailable',
        message: expect.stringContaining('temporarily unavailable'),
      },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const ready = await fetch(`${gatewayUrl}/readyz`);
    expect(ready.status).toBe(503);
  }, 30_000);
});

function streamOverSocket(
  baseUrl: string,
  frame: Record<string, unknown>,
): Promise<Record<string, string>[]> {
  return new Promise((resolvePromise, reject) => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/v1/chat/stream`);
    const frames: Record<string, string>[] = [];
    const timer = setTimeout(() => reject(new Error('no final frame within 10 s')), 10_000);
    socket.on('open', () => socket.send(JSON.stringify(frame)));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const parsed = JSON.parse(String(data)) as Record<string, string>;
      frames.push(parsed);
      if (parsed.type === 'final' || parsed.type === 'error') {
        clearTimeout(timer);
        socket.close();
        resolvePromise(frames);
      }
    });
  });
}
