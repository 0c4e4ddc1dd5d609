import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ConfigError, fromRepoRoot, repoRoot } from '@mangaassist/config';
import {
  type CatalogRecord,
  type LineError,
  type PolicyRecord,
  itemDocument,
  policyDocument,
  toCatalogItem,
  toPolicy,
} from '@mangaassist/store-data';
import { type RetrievalConfig, loadRetrievalConfig } from '../app/retrieval.config';
import { openIndexContext } from '../ingest/index-context';
import { type ValidatedFile, validateJsonlFile } from '../ingest/jsonl-validation';
import { readSnapshot } from '../ingest/retrieval-snapshot';
import { upsertSnapshot } from '../ingest/snapshot-upsert';
import { InvertedSearchIndex } from '../retrieval/adapters/inverted.search-index';
import type { UpsertResult } from '../retrieval/search-index';

export const DEFAULT_SNAPSHOT = '.var/retrieval/snapshot.jsonl';

const HELP = `Usage: npm run catalog:ingest -- --file <catalog.jsonl> [--policies <policies.jsonl>] --target local|opensearch [options]

Validates every line of the files (JSON, the store's record schema, cross-field rules, unique
ids); bad lines are reported with their number and reason and the rest are upserted by id, so
running the same file twice changes nothing.

Targets:
  local        merge into the retrieval snapshot (default ${DEFAULT_SNAPSHOT}, or
               RETRIEVAL_SNAPSHOT_PATH); start the service with RETRIEVAL_SNAPSHOT_PATH set to
               serve it. The index is built from the merged snapshot once, as a check.
  opensearch   upsert into the OpenSearch index at OPENSEARCH_URL (the service's adapter).

Options:
  --file <path>       catalog JSONL (data/catalog/catalog.jsonl format)
  --policies <path>   store policies JSONL (data/store/policies.jsonl format)
  --target <name>     local or opensearch (required)
  --snapshot <path>   local target: the snapshot file
  --replace           local target: rebuild the snapshot from these files alone
  --embed             also store embeddings of the configured RETRIEVAL_EMBEDDINGS model
  --strict            exit 1 when any line is bad (nothing is written then)
  --json              print the summary as one JSON object
  -h, --help          this help
`;

interface FileSummary {
  file: string;
  lines: number;
  valid: number;
  bad: number;
  /** The first bad lines (all are printed to stderr). */
  bad_lines: LineError[];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      policies: { type: 'string' },
      target: { type: 'string' },
      snapshot: { type: 'string' },
      replace: { type: 'boolean', default: false },
      embed: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.target !== 'local' && values.target !== 'opensearch') {
    throw new UsageError('--target must be local or opensearch');
  }
  if (!values.file && !values.policies) {
    throw new UsageError('give --file <catalog.jsonl>, --policies <policies.jsonl>, or both');
  }
  for (const path of [values.file, values.policies]) {
    if (path !== undefined && !existsSync(resolve(path)))
      throw new UsageError(`no such file: ${path}`);
  }
  const config = loadRetrievalConfig();
  const started = performance.now();

  const catalog = values.file ? await validate(resolve(values.file), 'catalog') : undefined;
  const policies = values.policies
    ? await validate(resolve(values.policies), 'policies')
    : undefined;
  const files = [catalog, policies].filter((f) => f !== undefined).map((f) => f.summary);
  const bad = files.reduce((n, f) => n + f.bad, 0);
  const items = (catalog?.validated.records ?? []) as CatalogRecord[];
  const policyRecords = (policies?.validated.records ?? []) as PolicyRecord[];
  if (values.strict && bad > 0) {
    process.stderr.write(`ingest: ${bad} bad line(s) and --strict: nothing written\n`);
    return 1;
  }
  if (items.length + policyRecords.length === 0) {
    process.stderr.write('ingest: no valid records: nothing written\n');
    return 1;
  }

  let summary: Record<string, unknown>;
  if (values.target === 'local') {
    const snapshot = resolve(
      values.snapshot ?? config.RETRIEVAL_SNAPSHOT_PATH ?? fromRepoRoot(DEFAULT_SNAPSHOT),
    );
    const context = values.embed ? await openIndexContext(config) : undefined;
    if (values.embed && !context?.embedder) {
      throw new UsageError('--embed needs RETRIEVAL_EMBEDDINGS=bedrock or onnx');
    }
    try {
      const upsert = await upsertSnapshot(
        snapshot,
        { items, policies: policyRecords },
        { replace: values.replace, embedder: context?.embedder },
      );
      progress(`wrote ${shown(snapshot)} (${upsert.items} items, ${upsert.policies} policies)`);
      const check = await checkIndex(snapshot);
      summary = {
        target: 'local',
        snapshot: shown(snapshot),
        files,
        upsert: upsert.result,
        total: { items: upsert.items, policies: upsert.policies },
        embedded: upsert.embedded,
        snapshot_sha256: upsert.sha256,
        snapshot_bytes: upsert.bytes,
        index_build_s: check.seconds,
        index_version: check.version,
        serve_with: `RETRIEVAL_SNAPSHOT_PATH=${snapshot}`,
      };
    } finally {
      await context?.close();
    }
  } else {
    const context = await openIndexContext(opensearchConfig());
    try {
      const documents = [
        ...items.map((r) => itemDocument(toCatalogItem(r))),
        ...policyRecords.map((r) => policyDocument(toPolicy(r))),
      ];
      let upsert: UpsertResult | 'replaced';
      if (context.index.upsert) {
        upsert = await context.index.upsert(documents);
      } else {
        progress('the adapter cannot upsert: replacing the whole index with these records');
        await context.index.replaceAll(documents);
        upsert = 'replaced';
      }
      summary = {
        target: 'opensearch',
        files,
        upsert,
        total: { documents: context.index.size() },
        index_version: context.index.version(),
      };
    } finally {
      await context.close();
    }
  }
  summary.seconds = round((performance.now() - started) / 1000);
  process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : readable(summary));
  return 0;
}

async function validate(path: string, kind: 'catalog' | 'policies') {
  const started = performance.now();
  const name = shown(path);
  const report = (lines: number) => {
    const rate = lines / Math.max(0.001, (performance.now() - started) / 1000);
    progress(
      `${name}: ${lines.toLocaleString('en')} lines read (${Math.round(rate).toLocaleString('en')} lines/s)`,
    );
  };
  const validated: ValidatedFile<CatalogRecord | PolicyRecord> =
    kind === 'catalog'
      ? await validateJsonlFile(path, 'catalog', report)
      : await validateJsonlFile(path, 'policies', report);
  for (const error of validated.errors) {
    process.stderr.write(`${name}:${error.line}: skipped: ${error.reason}\n`);
  }
  const summary: FileSummary = {
    file: name,
    lines: validated.lines,
    valid: validated.records.length,
    bad: validated.errors.length,
    bad_lines: validated.errors.slice(0, 20),
  };
  return { validated, summary };
}

/** Builds the embedded index from the snapshot, as the service will at start. */
async function checkIndex(snapshot: string): Promise<{ seconds: number; version: string }> {
  const { contents } = await readSnapshot(snapshot);
  const index = new InvertedSearchIndex();
  const started = performance.now();
  await index.replaceAll([
    ...contents.items.map((r) => itemDocument(toCatalogItem(r))),
    ...contents.policies.map((r) => policyDocument(toPolicy(r))),
  ]);
  return { seconds: round((performance.now() - started) / 1000), version: index.version() };
}

/**
 * The config with the OpenSearch adapter selected (OPENSEARCH_URL and its other variables come
 * from the environment). The option belongs to the OpenSearch adapter; a build without it says
 * so instead of failing obscurely.
 */
function opensearchConfig(): RetrievalConfig {
  try {
    return loadRetrievalConfig({ ...process.env, RETRIEVAL_INDEX: 'opensearch' });
  } catch (error) {
    if (error instanceof ConfigError && error.message.includes('RETRIEVAL_INDEX')) {
      throw new UsageError(
        'the opensearch target is not available in this build (RETRIEVAL_INDEX has no opensearch adapter)',
      );
    }
    throw error;
  }
}

function readable(summary: Record<string, unknown>): string {
  const lines = [`ingest into ${String(summary.target)} finished in ${String(summary.seconds)} s`];
  for (const file of summary.files as FileSummary[]) {
    lines.push(`  ${file.file}: ${file.lines} lines, ${file.valid} valid, ${file.bad} bad`);
  }
  const upsert = summary.upsert;
  lines.push(
    upsert === 'replaced'
      ? '  index replaced with these records'
      : `  ${(upsert as UpsertResult).inserted} inserted, ${(upsert as UpsertResult).updated} updated, ${(upsert as UpsertResult).unchanged} unchanged`,
  );
  if (summary.snapshot) {
    const total = summary.total as { items: number; policies: number };
    lines.push(
      `  snapshot ${String(summary.snapshot)}: ${total.items} items, ${total.policies} policies`,
    );
    lines.push(
      `  index builds in ${String(summary.index_build_s)} s (${String(summary.index_version)})`,
    );
    lines.push(`  serve it: ${String(summary.serve_with)} npm start`);
  }
  return `${lines.join('\n')}\n`;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A path as the user would write it: relative below the working directory, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function progress(line: string): void {
  process.stderr.write(`ingest: ${line}\n`);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// Resolve relative paths against the directory npm was started from.
process.chdir(process.env.INIT_CWD ?? repoRoot());

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof UsageError
        ? `${error.message}\n(npm run catalog:ingest -- --help)`
        : error instanceof ConfigError
          ? error.message
          : (error as Error).message;
    process.stderr.write(`ingest failed: ${message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
