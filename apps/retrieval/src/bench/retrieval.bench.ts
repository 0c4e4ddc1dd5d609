import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { create } from '@bufbuild/protobuf';
import { ConfigError, fromRepoRoot, repoRoot } from '@mangaassist/config';
import { RerankService, SearchRequestSchema } from '@mangaassist/contracts';
import { createGrpcClient, type GrpcClientHandle } from '@mangaassist/grpc';
import { type RunningStack, SERVICES, startStack } from '@mangaassist/stack';
import {
  type CatalogRecord,
  DEFAULT_CATALOG_PATH,
  DEFAULT_POLICIES_PATH,
  catalogRecordSchema,
} from '@mangaassist/store-data';
import { freePort } from '@mangaassist/testing';
import { Logger } from '@nestjs/common';
import { loadRetrievalConfig } from '../app/retrieval.config';
import { openIndexContext } from '../ingest/index-context';
import { InvertedSearchIndex } from '../retrieval/adapters/inverted.search-index';
import { MiniSearchIndex } from '../retrieval/adapters/minisearch.search-index';
import { RetrievalService } from '../retrieval/retrieval.service';
import type { SearchIndex } from '../retrieval/search-index';
import { parseSearchRequest } from '../retrieval/search-request';
import { syntheticCatalog } from './synthetic-catalog';

const HELP = `Usage: npm run bench:retrieval -- [--items 100000] [options]

Loads a catalog into the retrieval service in process and times searches over a query mix,
each followed by rerank over gRPC (the rerank service started as a process), as the gateway
calls them. Runs the sample store first, then a synthetic catalog of --items series derived
from it (deterministic for a seed). Prints one JSON object on stdout.

Options:
  --items <n>          synthetic catalog size (default 100000; 0 = sample store only)
  --queries <n>        timed queries per run (default 2000, after 200 warm-up queries)
  --backends <list>    embedded, minisearch, opensearch (default embedded, plus opensearch
                       when OPENSEARCH_URL is set)
  --seed <n>           synthetic catalog seed (default 42)
  --no-rerank          time search alone
  --write-catalog <p>  also write the synthetic catalog as JSONL (for catalog:ingest)
  -h, --help           this help

JSON: {"bench":"retrieval","runs":[{"catalog","items","backend","load_s","load_cpu_s",
"index_build_s","index_build_cpu_s","heap_mb","rss_mb","latency_ms":{"search":{p50,p99,...},
"rerank":{...},"search_rerank":{...}},"queries"}]}
`;

interface Run {
  catalog: 'sample' | 'synthetic';
  items: number;
  backend: string;
  skipped?: string;
  load_s?: number;
  /** CPU seconds of the load: on a shared, loaded machine wall time overstates the cost. */
  load_cpu_s?: number;
  index_build_s?: number;
  index_build_cpu_s?: number;
  heap_mb?: number;
  rss_mb?: number;
  postings_mb?: number;
  queries?: number;
  empty_results?: number;
  latency_ms?: Record<string, Record<string, number>>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '100000' },
      queries: { type: 'string', default: '2000' },
      backends: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'no-rerank': { type: 'boolean', default: false },
      'write-catalog': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const items = count('--items', values.items, 0, 2_000_000);
  const queries = count('--queries', values.queries, 1, 1_000_000);
  const seed = count('--seed', values.seed, 0, 2 ** 31);
  const backends = (
    values.backends ?? (process.env.OPENSEARCH_URL ? 'embedded,opensearch' : 'embedded')
  )
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const backend of backends) {
    if (!['embedded', 'minisearch', 'opensearch'].includes(backend)) {
      throw new Error(
        `--backends: unknown backend "${backend}" (embedded, minisearch, opensearch)`,
      );
    }
  }
  Logger.overrideLogger(['error']);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  const sample = readCatalog(fromRepoRoot(DEFAULT_CATALOG_PATH));
  const dir = mkdtempSync(join(tmpdir(), 'mangaassist-bench-retrieval-'));
  const rerank = values['no-rerank'] ? undefined : await startRerank();
  const runs: Run[] = [];
  try {
    const catalogs: { name: 'sample' | 'synthetic'; records: CatalogRecord[] }[] = [
      { name: 'sample', records: sample },
    ];
    if (items > sample.length) {
      progress(`generating a synthetic catalog of ${items} series (seed ${seed})`);
      catalogs.push({ name: 'synthetic', records: syntheticCatalog(sample, items, seed) });
    }
    const mix = queryMix(catalogs.at(-1)?.records ?? sample, seed);
    for (const catalog of catalogs) {
      const path = join(dir, `${catalog.name}.jsonl`);
      writeFileSync(path, catalog.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      if (catalog.name === 'synthetic' && values['write-catalog']) {
        writeFileSync(values['write-catalog'], readFileSync(path));
        progress(`wrote ${values['write-catalog']}`);
      }
      catalog.records = [];
      for (const backend of backends) {
        progress(`${catalog.name} catalog, ${backend} backend`);
        runs.push(await benchOne(catalog.name, path, backend, mix, queries, rerank, gc));
        gc();
      }
    }
  } finally {
    rerank?.client.close();
    await rerank?.stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ bench: 'retrieval', node: process.version, runs })}\n`);
}

async function benchOne(
  catalog: 'sample' | 'synthetic',
  catalogPath: string,
  backend: string,
  mix: readonly string[],
  queries: number,
  rerank: { client: GrpcClientHandle<typeof RerankService> } | undefined,
  gc: () => void,
): Promise<Run> {
  const opened = await openBackend(backend);
  if ('skipped' in opened) return { catalog, items: 0, backend, skipped: opened.skipped };
  const timed = timedIndex(opened.index);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const service = new RetrievalService(timed.index, {
    catalogPath,
    policiesPath: fromRepoRoot(DEFAULT_POLICIES_PATH),
  });
  const loaded = await service.load();
  const loadSeconds = (performance.now() - started) / 1000;
  const loadCpu = process.cpuUsage(cpuBefore);
  gc();
  const memory = process.memoryUsage();
  const search: number[] = [];
  const searchCpu: number[] = [];
  const reranked: number[] = [];
  const total: number[] = [];
  let empty = 0;
  const warmUp = Math.min(200, queries);
  try {
    for (let i = 0; i < warmUp + queries; i++) {
      const text = mix[i % mix.length];
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const plan = parseSearchRequest(create(SearchRequestSchema, { query: text, topK: 20 }));
      const result = await service.search(plan);
      const t1 = performance.now();
      const cpu1 = process.cpuUsage(cpu0);
      if (rerank && result.hits.length > 0) {
        await rerank.client.rpc.rerank({ query: text, candidates: result.hits, topN: 5 });
      }
      const t2 = performance.now();
      if (i < warmUp) continue;
      if (result.hits.length === 0) empty += 1;
      search.push(t1 - t0);
      searchCpu.push((cpu1.user + cpu1.system) / 1000);
      reranked.push(t2 - t1);
      total.push(t2 - t0);
    }
  } finally {
    await opened.close();
  }
  const postings =
    timed.index instanceof InvertedSearchIndex ? timed.index.postingsBytes() : undefined;
  return {
    catalog,
    items: loaded.items,
    backend,
    load_s: round(loadSeconds),
    load_cpu_s: round((loadCpu.user + loadCpu.system) / 1e6),
    index_build_s: round(timed.buildSeconds()),
    index_build_cpu_s: round(timed.buildCpuSeconds()),
    heap_mb: round((memory.heapUsed - heapBefore) / 2 ** 20, 1),
    rss_mb: round(memory.rss / 2 ** 20, 1),
    ...(postings === undefined ? {} : { postings_mb: round(postings / 2 ** 20, 1) }),
    queries: search.length,
    empty_results: empty,
    latency_ms: {
      search: stats(search),
      // CPU time of the search: what it costs, without the waits of a shared machine.
      search_cpu: stats(searchCpu),
      ...(rerank ? { rerank: stats(reranked), search_rerank: stats(total) } : {}),
    },
  };
}

/** The search index of a backend, or why it cannot run here. */
async function openBackend(
  backend: string,
): Promise<{ index: SearchIndex; close(): Promise<void> } | { skipped: string }> {
  if (backend === 'embedded')
    return { index: new InvertedSearchIndex(), close: async () => undefined };
  if (backend === 'minisearch')
    return { index: new MiniSearchIndex(), close: async () => undefined };
  if (!process.env.OPENSEARCH_URL) return { skipped: 'OPENSEARCH_URL is not set' };
  try {
    const config = loadRetrievalConfig({ ...process.env, RETRIEVAL_INDEX: 'opensearch' });
    return await openIndexContext(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      return {
        skipped: `no opensearch adapter in this build: ${error.message.split('\n')[1] ?? ''}`,
      };
    }
    return { skipped: `OpenSearch at OPENSEARCH_URL is not usable: ${(error as Error).message}` };
  }
}

/** Wraps replaceAll to time the index build alone (the rest of load is parsing the files). */
function timedIndex(index: SearchIndex): {
  index: SearchIndex;
  buildSeconds(): number;
  buildCpuSeconds(): number;
} {
  let seconds = 0;
  let cpuSeconds = 0;
  const replaceAll = index.replaceAll.bind(index);
  index.replaceAll = async (documents) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await replaceAll(documents);
    const used = process.cpuUsage(cpu);
    seconds += (performance.now() - started) / 1000;
    cpuSeconds += (used.user + used.system) / 1e6;
  };
  return { index, buildSeconds: () => seconds, buildCpuSeconds: () => cpuSeconds };
}

/**
 * Questions shoppers ask, in both languages: the labelled dev queries (titles, aliases,
 * misspellings, authors, moods, genres, "like X", policies) plus titles, aliases and authors of
 * the catalog being searched, so the large catalog is searched for its own series too.
 */
function queryMix(records: readonly CatalogRecord[], seed: number): string[] {
  const dev = readFileSync(fromRepoRoot('data/retrieval/dev.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { query: string }).query);
  const own: string[] = [];
  let state = seed || 1;
  for (let i = 0; i < dev.length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const record = records[state % records.length];
    own.push(
      [
        record.title_en,
        record.title_ja,
        record.aliases[0] ?? record.title_romaji,
        record.authors[0].name_ja,
      ][i % 4],
    );
  }
  return dev.flatMap((query, i) => [query, own[i]]);
}

async function startRerank(): Promise<{
  stack: RunningStack;
  client: GrpcClientHandle<typeof RerankService>;
}> {
  progress('building and starting the rerank service');
  const build = spawnSync('npx', ['nx', 'run', 'rerank:build', '--output-style=static'], {
    cwd: repoRoot(),
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
  });
  if (build.status !== 0)
    throw new Error(`building rerank failed:\n${build.stdout}${build.stderr}`);
  const ports: Record<string, number> = {};
  for (const spec of SERVICES) ports[spec.name] = await freePort();
  const stack = await startStack({
    root: repoRoot(),
    ports,
    only: ['rerank'],
    env: { LOG_FORMAT: 'json' },
  });
  const client = createGrpcClient(RerankService, {
    address: `127.0.0.1:${ports.rerank}`,
    defaultDeadlineMs: 10_000,
  });
  return { stack, client };
}

function readCatalog(path: string): CatalogRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => catalogRecordSchema.parse(JSON.parse(line)));
}

function stats(samples: number[]): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return {
    p50: round(at(0.5), 3),
    p99: round(at(0.99), 3),
    mean: round(mean, 3),
    max: round(sorted.at(-1) ?? 0, 3),
  };
}

function count(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max} (got "${text}")`);
  }
  return value;
}

function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function progress(line: string): void {
  process.stderr.write(`bench:retrieval: ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:retrieval failed: ${(error as Error).message}\n`);
  process.exit(1);
});
