import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromRepoRoot, repoRoot } from '@mangaassist/config';
import {
  Format,
  type Hit,
  Intent,
  IntentSchema,
  Locale,
  RetrievalService,
  enumValueByName,
} from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { planForIntent } from '@mangaassist/store-data';
import { type RunningStack, SERVICES, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import { FEATURE_NAMES, extractFeatures } from '../rerank/features/feature-extractor';
import { querySignals } from '../rerank/features/query-signals';
import {
  FeatureModel,
  type FeatureWeights,
  featureWeightsSchema,
} from '../rerank/model/feature-model';
import { type LabelledQuery, readLabelledQueries } from '../rerank/training/labelled-queries';
import { type TrainingGroup, mulberry32, trainPairwise } from '../rerank/training/pairwise-trainer';
import { ndcgAt, recallAt } from '../rerank/training/ranking-metrics';

const HELP = `Usage: npm run rerank:train -- [options]

Trains the feature reranker's linear weights from labelled queries. Candidates come from the
real retrieval service, called as the gateway calls it (started here from dist/ unless
--retrieval-addr is given); features come from the same extractor the service uses.

Options:
  --data <jsonl>          labelled queries (default data/rerank/train.jsonl)
  --version <vN>          model version to write (default v2): feature-weights.<vN>.json
  --out <path>            output file (default apps/rerank/src/rerank/model/feature-weights.<vN>.json)
  --seed <n>              seed of the validation split and the shuffles (default 7)
  --epochs <n>            passes over the data (default 80)
  --learning-rate <x>     Adam step size (default 0.03)
  --l2 <x>                L2 penalty (default 0.002)
  --holdout <x>           share of queries held out to measure generalization (default 0.2)
  --prior <path>          weights file to start from and shrink towards (default: the hand-set
                          feature-weights.v1.json; features without evidence keep its weights)
  --retrieval-addr <h:p>  use a running retrieval service instead of starting one
  -h, --help              this help

Prints one JSON summary on stdout; progress goes to stderr.
`;

const RANKED_DEPTH = 10;

interface Example {
  query: LabelledQuery;
  group: TrainingGroup;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: 'data/rerank/train.jsonl' },
      version: { type: 'string', default: 'v2' },
      out: { type: 'string' },
      seed: { type: 'string', default: '7' },
      epochs: { type: 'string', default: '80' },
      'learning-rate': { type: 'string', default: '0.03' },
      l2: { type: 'string', default: '0.002' },
      holdout: { type: 'string', default: '0.2' },
      prior: { type: 'string', default: 'apps/rerank/src/rerank/model/feature-weights.v1.json' },
      'retrieval-addr': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!/^v\d+$/.test(values.version)) throw new Error('--version must look like v2');
  const seed = integer('--seed', values.seed, 0, 2 ** 31);
  const epochs = integer('--epochs', values.epochs, 1, 10_000);
  const learningRate = number('--learning-rate', values['learning-rate'], 1e-6, 10);
  const l2 = number('--l2', values.l2, 0, 10);
  const holdout = number('--holdout', values.holdout, 0, 0.9);
  const dataPath = resolveFromRoot(values.data);
  const out =
    values.out !== undefined
      ? resolve(values.out)
      : fromRepoRoot(`apps/rerank/src/rerank/model/feature-weights.${values.version}.json`);

  const queries = await readLabelledQueries(dataPath);
  progress(`${queries.length} labelled queries from ${relative(repoRoot(), dataPath)}`);
  const { examples, indexVersion } = await collect(queries, values['retrieval-addr']);

  const featureNames = [
    ...FEATURE_NAMES,
    ...[...new Set(examples.flatMap((e) => e.group.features.flatMap(Object.keys)))]
      .filter((name) => name.startsWith('field.'))
      .sort(),
  ];
  const priorPath = resolveFromRoot(values.prior);
  const priorSpec = featureWeightsSchema.parse(JSON.parse(await readFile(priorPath, 'utf8')));
  const prior = Object.fromEntries(priorSpec.features.map((f) => [f.name, f.weight]));
  const options = { featureNames, seed, epochs, learningRate, l2, prior };

  const shuffled = examples.map((_, i) => i);
  const random = mulberry32(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const held = new Set(shuffled.slice(0, Math.round(examples.length * holdout)));
  const train = examples.filter((_, i) => !held.has(i));
  const validation = examples.filter((_, i) => held.has(i));
  progress(`training on ${train.length} queries, validating on ${validation.length}`);
  const split = trainPairwise(withoutRetrievalOrder(train.map((e) => e.group)), options);
  progress(`final model on all ${examples.length} queries`);
  const final = trainPairwise(withoutRetrievalOrder(examples.map((e) => e.group)), options);

  const metrics = {
    ...prefixed('validation_retrieval_', evaluate(validation, undefined)),
    ...prefixed('validation_reranked_', evaluate(validation, split.weights)),
    ...prefixed('train_retrieval_', evaluate(examples, undefined)),
    ...prefixed('train_reranked_', evaluate(examples, final.weights)),
    queries: examples.length,
    pairs: final.pairs,
    final_loss: round(final.losses.at(-1) ?? 0),
  };
  const dataHash = createHash('sha256')
    .update(await readFile(dataPath))
    .digest('hex')
    .slice(0, 16);
  const spec: FeatureWeights = {
    format: 'mangaassist.rerank.feature-weights/v1',
    model_version: `feature-linear-${values.version}.0.0`,
    model: 'linear',
    training: {
      method: 'pairwise logistic loss (RankNet), linear model, Adam',
      trained_at: new Date().toISOString(),
      data: `${relative(repoRoot(), dataPath)} sha256:${dataHash}`,
      metrics,
      notes:
        `seed ${seed}, ${epochs} epochs, learning rate ${learningRate}, l2 ${l2} towards ` +
        `${relative(repoRoot(), priorPath)} (${priorSpec.model_version}), each query also ` +
        `seen without the retrieval-order features, ` +
        `${Math.round(holdout * 100)}% of queries held out for the validation metrics, then ` +
        `trained on all. Candidates from retrieval ${indexVersion} as the gateway asks for them.`,
    },
    bias: 0,
    features: featureNames.map((name) => ({ name, weight: round(final.weights[name]) })),
  };
  await writeFile(out, `${JSON.stringify(spec, null, 2)}\n`);
  progress(`wrote ${relative(repoRoot(), out)}`);
  process.stdout.write(
    `${JSON.stringify({ out: relative(repoRoot(), out), model_version: spec.model_version, metrics })}\n`,
  );
}

/** Retrieval candidates and their features for every labelled query. */
async function collect(
  queries: readonly LabelledQuery[],
  address: string | undefined,
): Promise<{ examples: Example[]; indexVersion: string }> {
  let stack: RunningStack | undefined;
  let target = address;
  if (!target) {
    progress('building and starting the retrieval service');
    const build = spawnSync('npx', ['nx', 'run', 'retrieval:build', '--output-style=static'], {
      cwd: repoRoot(),
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
    });
    if (build.status !== 0)
      throw new Error(`building retrieval failed:\n${build.stdout}${build.stderr}`);
    const ports: Record<string, number> = {};
    for (const spec of SERVICES) ports[spec.name] = await freePort();
    stack = await startStack({
      root: repoRoot(),
      ports,
      only: ['retrieval'],
      env: { LOG_FORMAT: 'json' },
    });
    target = `127.0.0.1:${ports.retrieval}`;
  }
  const client = createGrpcClient(RetrievalService, { address: target, defaultDeadlineMs: 10_000 });
  const examples: Example[] = [];
  let indexVersion = '';
  try {
    for (const [i, query] of queries.entries()) {
      const intent = query.intent ? (enumValueByName(IntentSchema, query.intent) ?? 0) : 0;
      const plan = planForIntent(intent);
      const response = await client.rpc.search({
        query: query.query,
        locale: query.locale === 'ja' ? Locale.JA : Locale.EN,
        intent,
        entities: {
          titleIds: query.entities?.title_ids ?? [],
          volume: query.entities?.volume ?? 0,
          format: formatOf(query),
        },
        filters: { kind: plan.kind, policyTopics: plan.policyTopics },
        topK: plan.topK,
      });
      indexVersion = response.indexVersion;
      examples.push({ query, group: group(query, intent, response.hits) });
      if ((i + 1) % 100 === 0) progress(`retrieved ${i + 1}/${queries.length}`);
    }
  } finally {
    client.close();
    await stack?.stop();
  }
  return { examples, indexVersion };
}

const RETRIEVAL_ORDER_FEATURES = ['retrieval_score', 'retrieval_rank'];

/**
 * The groups plus a copy of each without the retrieval-order features. Retrieval here already
 * lifts named titles and genres, so on the real groups alone the model learns to copy its order
 * and little else; the copies make the content features rank on their own, which keeps the
 * reranker useful behind a retrieval backend that orders differently (OpenSearch).
 */
function withoutRetrievalOrder(groups: readonly TrainingGroup[]): TrainingGroup[] {
  return [
    ...groups,
    ...groups.map((g) => ({
      grades: g.grades,
      features: g.features.map((f) =>
        Object.fromEntries(
          Object.entries(f).filter(([name]) => !RETRIEVAL_ORDER_FEATURES.includes(name)),
        ),
      ),
    })),
  ];
}

function group(query: LabelledQuery, intent: Intent, hits: readonly Hit[]): TrainingGroup {
  const signals = querySignals({
    text: query.query,
    intent,
    titleIds: query.entities?.title_ids ?? [],
    volume: query.entities?.volume ?? 0,
    format: formatOf(query),
  });
  return {
    features: extractFeatures(
      signals,
      hits.map((hit, i) => ({ hit, retrievalRank: i + 1 })),
    ),
    grades: hits.map((hit) => query.grades.get(hit.id) ?? 0),
  };
}

/**
 * Mean nDCG@10 and recall@1/@3 of the retrieval order (no weights) or of the order a linear
 * model gives, over the examples.
 */
function evaluate(examples: readonly Example[], weights: Record<string, number> | undefined) {
  const model = weights
    ? new FeatureModel({
        format: 'mangaassist.rerank.feature-weights/v1',
        model_version: 'evaluation',
        model: 'linear',
        bias: 0,
        features: Object.entries(weights).map(([name, weight]) => ({ name, weight })),
      })
    : undefined;
  const totals = { 'ndcg@10': 0, 'recall@1': 0, 'recall@3': 0 };
  for (const { query, group: g } of examples) {
    const order = g.grades.map((_, i) => i);
    if (model) {
      const scores = g.features.map((f) => model.score(f));
      order.sort((a, b) => scores[b] - scores[a] || a - b);
    }
    const ranked = order.slice(0, RANKED_DEPTH).map((i) => g.grades[i]);
    const all = [...query.grades.values()];
    const relevant = all.filter((grade) => grade > 0).length;
    totals['ndcg@10'] += ndcgAt(RANKED_DEPTH, ranked, all);
    totals['recall@1'] += recallAt(1, ranked, relevant);
    totals['recall@3'] += recallAt(3, ranked, relevant);
  }
  const n = Math.max(1, examples.length);
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v / n)]));
}

function formatOf(query: LabelledQuery): Format {
  const format = query.entities?.format;
  return format === 'print'
    ? Format.PRINT
    : format === 'kindle'
      ? Format.KINDLE
      : Format.UNSPECIFIED;
}

function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [prefix + k, v]));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be an integer from ${min} to ${max} (got "${text}")`);
  }
  return value;
}

function number(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${flag} must be a number from ${min} to ${max} (got "${text}")`);
  }
  return value;
}

function resolveFromRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(repoRoot(), path);
}

function progress(line: string): void {
  process.stderr.write(`rerank:train: ${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`rerank:train failed: ${(error as Error).message}\n`);
  process.exit(1);
});
