import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type CatalogItem,
  type GenerateResponse,
  GenerationService,
  Intent,
  Locale,
  Route,
} from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { SERVICES, startStack } from '@mangaassist/stack';
import { itemDocument, loadStoreSnapshot } from '@mangaassist/store-data';
import { freePort } from '@mangaassist/testing';
import { type RawData, WebSocket } from 'ws';
import { type Bench, percentile, round } from '../lib/bench';

interface Distribution {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
}

/** Question shapes in both languages; filled with catalog titles so every first ask is new. */
const QUESTIONS: readonly ((item: CatalogItem) => string)[] = [
  (i) => `${i.titleJa}は何巻まで出ていますか？`,
  (i) => `How many volumes of ${i.titleEn} are out?`,
  (i) => `${i.titleJa}の作者は誰ですか？`,
  (i) => `Who wrote ${i.titleEn}?`,
  (i) => `${i.titleJa}の値段を教えて`,
  (i) => `How much is ${i.titleEn}?`,
  (i) => `${i.titleJa}の次の巻はいつ発売？`,
  (i) => `Is ${i.titleEn} finished?`,
];

function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    mean: round(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** One chat turn over an open WebSocket: time to the first delta frame and to the final frame. */
class ChatSocket {
  private constructor(private readonly socket: WebSocket) {}

  static open(url: string): Promise<ChatSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new ChatSocket(socket)));
      socket.once('error', reject);
    });
  }

  turn(
    message: string,
  ): Promise<{ firstDeltaMs: number | undefined; totalMs: number; ok: boolean }> {
    return new Promise((resolve) => {
      const started = performance.now();
      let firstDeltaMs: number | undefined;
      const onMessage = (data: RawData) => {
        const frame = JSON.parse(data.toString()) as { type: string };
        if (frame.type === 'delta') {
          firstDeltaMs ??= performance.now() - started;
          return;
        }
        this.socket.off('message', onMessage);
        resolve({ firstDeltaMs, totalMs: performance.now() - started, ok: frame.type === 'final' });
      };
      this.socket.on('message', onMessage);
      this.socket.send(JSON.stringify({ type: 'chat', message }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Starts the whole stack with the embedded defaults (as npm start does) and measures streamed
 * chat through the gateway's WebSocket: time to the first delta and to the final frame, first
 * for questions the stack has never seen (answer cache misses), then for the same questions
 * again (generation answers from its cache). It also calls generation directly over gRPC to
 * time a cache hit without the rest of the turn around it.
 */
export const bench: Bench = {
  name: 'chat',
  help: `Usage: npm run bench:chat [-- --requests N]

Starts the whole stack on free ports and measures streamed chat turns through the gateway
WebSocket (/v1/chat/stream) and generation's answer cache. Prints one JSON object:
  {"bench","requests","time_to_ready_s",
   "gateway_ws":{"first_delta_ms":{"miss","hit"},"total_ms":{"miss","hit"}},
   "generation_grpc":{"cache_hit":{"first_delta_ms","total_ms"},"cache_miss":{...}},
   "targets":{...},"errors"}
each distribution being {"p50","p90","p99","mean","max"} in milliseconds.

Options:
  --requests N   distinct questions asked (each asked twice through the gateway; default 200)
`,
  options: { requests: { type: 'string', default: '200' } },
  async run(values, progress) {
    const requests = Number(values.requests);
    if (!Number.isInteger(requests) || requests < 1 || requests > 2000) {
      throw new Error('--requests must be an integer from 1 to 2000');
    }
    const root = resolve(__dirname, '../../../../..');
    const snapshot = await loadStoreSnapshot();
    const items = snapshot.items;
    const questions = Array.from({ length: requests }, (_, i) =>
      QUESTIONS[i % QUESTIONS.length](items[Math.floor(i / QUESTIONS.length) % items.length]),
    );

    const dataDir = mkdtempSync(join(tmpdir(), 'mangaassist-bench-chat-'));
    const ports: Record<string, number> = {};
    for (const spec of SERVICES) ports[spec.name] = await freePort();
    const started = Date.now();
    const stack = await startStack({
      root,
      ports,
      env: {
        EVENT_LOG_PATH: join(dataDir, 'events.db'),
        RETRAINING_DB_PATH: join(dataDir, 'retraining.db'),
        LOG_FORMAT: 'json',
        GENERATION_METRICS_LOG_MS: '0',
      },
    });
    const timeToReady = (Date.now() - started) / 1000;
    progress(`stack ready in ${timeToReady.toFixed(2)} s`);
    const wsUrl = `${(stack.gatewayUrl ?? '').replace(/^http/, 'ws')}/v1/chat/stream`;
    const socket = await ChatSocket.open(wsUrl);
    const generation = createGrpcClient(GenerationService, {
      address: `127.0.0.1:${ports.generation}`,
      defaultDeadlineMs: 5000,
    });
    let errors = 0;
    try {
      // Warm the JIT and connections with questions outside the measured set.
      for (const item of items.slice(-10)) await socket.turn(`${item.titleEn}?`);

      const measure = async (label: string) => {
        const first: number[] = [];
        const total: number[] = [];
        for (const [i, question] of questions.entries()) {
          const turn = await socket.turn(question);
          if (!turn.ok || turn.firstDeltaMs === undefined) errors += 1;
          else first.push(turn.firstDeltaMs);
          total.push(turn.totalMs);
          if ((i + 1) % 50 === 0) progress(`${label}: ${i + 1}/${questions.length} turns`);
        }
        return { first, total };
      };
      const miss = await measure('first ask (cache miss)');
      const hit = await measure('second ask (cache hit)');

      const direct = async (requestItems: readonly CatalogItem[], label: string) => {
        const first: number[] = [];
        const total: number[] = [];
        for (const item of requestItems) {
          const t0 = performance.now();
          let firstAt: number | undefined;
          const events: GenerateResponse[] = [];
          for await (const event of generation.rpc.generate({
            question: `${item.titleJa}は何巻まで出ていますか？`,
            locale: Locale.JA,
            intent: Intent.PRODUCT_QUESTION,
            route: Route.RAG,
            evidence: [itemDocument(item)],
          })) {
            firstAt ??= performance.now() - t0;
            events.push(event);
          }
          first.push(firstAt ?? Number.NaN);
          total.push(performance.now() - t0);
        }
        progress(`generation over gRPC: ${label} done`);
        return { first, total };
      };
      const grpcItems = items.slice(0, Math.min(items.length, requests));
      const grpcMiss = await direct(grpcItems, 'cache miss');
      const grpcHit = await direct(grpcItems, 'cache hit');

      return {
        requests,
        time_to_ready_s: round(timeToReady),
        gateway_ws: {
          first_delta_ms: { miss: distribution(miss.first), hit: distribution(hit.first) },
          total_ms: { miss: distribution(miss.total), hit: distribution(hit.total) },
        },
        generation_grpc: {
          cache_miss: {
            first_delta_ms: distribution(grpcMiss.first),
            total_ms: distribution(grpcMiss.total),
          },
          cache_hit: {
            first_delta_ms: distribution(grpcHit.first),
            total_ms: distribution(grpcHit.total),
          },
        },
        targets: { first_delta_p50_ms: 50, cache_hit_p50_ms: 5 },
        errors,
      };
    } finally {
      socket.close();
      generation.close();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
