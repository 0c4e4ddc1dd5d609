import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { create } from '@bufbuild/protobuf';
import { fromRepoRoot, repoRoot } from '@mangaassist/config';
import { type Hit, RerankRequestSchema, RetrievalService } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { SERVICES, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import { Logger } from '@nestjs/common';
import { featureWeightsPath, loadRerankConfig } from '../app/rerank.config';
import { CrossEncoderOnnxReranker } from '../rerank/adapters/cross-encoder-onnx.reranker';
import { FeatureReranker } from '../rerank/adapters/feature.reranker';
import { parseRerankRequest } from '../rerank/rerank-request';
import { RerankService } from '../rerank/rerank.service';
import type { Reranker } from '../rerank/reranker';

const HELP = `Usage: node tools/run-entry.mjs rerank apps/rerank/src/bench/rerank.bench.ts [--rounds 10]

Times rerank in process: retrieval candidates for the questions of data/retrieval/dev.jsonl are
fetched once from the real retrieval service (started here), then each request is parsed and
reranked (top 20 in, top 10 out) --rounds times. Uses the configured model (RERANK_MODEL etc.).
Prints one JSON object: {"bench":"rerank","model","requests","latency_ms":{p50,p99,mean,max},
"cpu_ms":{...}}.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) {
    throw new Error(`--rounds must be an integer from 1 to 1000 (got "${values.rounds}")`);
  }
  Logger.overrideLogger(['error']);
  const config = loadRerankConfig();
  const reranker: Reranker & { onModuleInit(): Promise<void> } =
    config.RERANK_MODEL === 'cross-encoder'
      ? new CrossEncoderOnnxReranker(config.RERANK_CROSS_ENCODER_DIR ?? '')
      : new FeatureReranker(featureWeightsPath(config));
  await reranker.onModuleInit();
  const service = new RerankService(reranker);

  const queries = readFileSync(fromRepoRoot('data/retrieval/dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { query: string }).query);
  const candidates = await retrieve(queries);

  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const [i, query] of queries.entries()) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const plan = parseRerankRequest(
        create(RerankRequestSchema, { query, candidates: candidates[i], topN: 10 }),
      );
      await service.rerank(plan);
      const used = process.cpuUsage(cpu);
      // Round 0 warms the JIT and the caches.
      if (round > 0) {
        samples.push(performance.now() - started);
        cpuSamples.push((used.user + used.system) / 1000);
      }
    }
  }
  const round3 = (v: number) => Math.round(v * 1000) / 1000;
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return {
      p50: round3(at(0.5)),
      p99: round3(at(0.99)),
      mean: round3(sorted.reduce((s, v) => s + v, 0) / sorted.length),
      max: round3(sorted.at(-1) ?? 0),
    };
  };
  process.stdout.write(
    `${JSON.stringify({
      bench: 'rerank',
      model: reranker.modelVersion(),
      requests: samples.length,
      candidates_per_request: round3(
        candidates.reduce((n, c) => n + c.length, 0) / candidates.length,
      ),
      latency_ms: stats(samples),
      // CPU time per request: the cost without the waits of a shared machine.
      cpu_ms: stats(cpuSamples),
    })}\n`,
  );
}

/** Top-20 retrieval hits per question, from the real service, as the gateway gets them. */
async function retrieve(queries: readonly string[]): Promise<Hit[][]> {
  process.stderr.write('bench:rerank: building and starting the retrieval service\n');
  const build = spawnSync('npx', ['nx', 'run', 'retrieval:build', '--output-style=static'], {
    cwd: repoRoot(),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
  });
  if (build.status !== 0)
    throw new Error(`building retrieval failed:\n${build.stdout}${build.stderr}`);
  const ports: Record<string, number> = {};
  for (const spec of SERVICES) ports[spec.name] = await freePort();
  const stack = await startStack({
    root: repoRoot(),
    ports,
    only: ['retrieval'],
    env: { LOG_FORMAT: 'json' },
  });
  const client = createGrpcClient(RetrievalService, {
    address: `127.0.0.1:${ports.retrieval}`,
    defaultDeadlineMs: 10_000,
  });
  try {
    const hits: Hit[][] = [];
    for (const query of queries) hits.push((await client.rpc.search({ query, topK: 20 })).hits);
    return hits;
  } finally {
    client.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:rerank failed: ${(error as Error).message}\n`);
  process.exit(1);
});
