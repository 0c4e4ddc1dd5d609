import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVICES, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import { type Bench, percentile } from '../lib/bench';

/** A mix of turns that exercises every route, in both languages. */
const QUESTIONS = [
  'ONE PIECEは何巻まで出ていますか？',
  'How many volumes of One Piece are out?',
  'Who wrote Chainsaw Man?',
  'spy x familyのkindle版はいくら？',
  'When is the next volume of One Piece out?',
  '送料はいくらですか？',
  'Can I return a manga I opened?',
  'dark psychological manga like death note',
  'こんにちは',
  '明日の天気は？',
];

export interface TurnBenchResult {
  bench: 'chat-turns';
  requests: number;
  time_to_ready_s: number;
  latency_ms: { p50: number; p90: number; p99: number; mean: number; max: number };
  errors: number;
}

/**
 * Starts the whole stack as `npm start` does (every service its own process, fresh data
 * directory), then sends sequential POST /v1/chat turns and reports the latency distribution.
 */
export async function benchChatTurns(
  requests: number,
  log: (line: string) => void,
): Promise<TurnBenchResult> {
  const root = resolve(__dirname, '../../../../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'mangaassist-bench-'));
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
    },
  });
  const timeToReady = (Date.now() - started) / 1000;
  const gatewayUrl = stack.gatewayUrl ?? '';
  log(`stack ready in ${timeToReady.toFixed(2)} s; warming up`);
  try {
    const turn = async (message: string) => {
      const response = await fetch(`${gatewayUrl}/v1/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message }),
      });
      await response.json();
      return response.ok;
    };
    for (const q of QUESTIONS) await turn(q);
    const latencies: number[] = [];
    let errors = 0;
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      if (!(await turn(QUESTIONS[i % QUESTIONS.length]))) errors += 1;
      latencies.push(performance.now() - t0);
      if ((i + 1) % 25 === 0) log(`${i + 1}/${requests} turns`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      bench: 'chat-turns',
      requests,
      time_to_ready_s: round(timeToReady),
      latency_ms: {
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p99: round(percentile(sorted, 99)),
        mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
        max: round(sorted[sorted.length - 1]),
      },
      errors,
    };
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const bench: Bench = {
  name: 'turns',
  help: `Usage: npm run bench:turns [-- --requests N]

Starts the whole stack on free ports (as npm start does) and measures sequential chat turns
through POST /v1/chat. Prints one JSON object:
  {"bench","requests","time_to_ready_s","latency_ms":{"p50","p90","p99","mean","max"},"errors"}

Options:
  --requests N   number of measured turns (default 100)
`,
  options: { requests: { type: 'string', default: '100' } },
  async run(values, progress) {
    const requests = Number(values.requests);
    if (!Number.isInteger(requests) || requests < 1 || requests > 100_000) {
      throw new Error('--requests must be an integer from 1 to 100000');
    }
    return { ...(await benchChatTurns(requests, progress)) };
  },
};
