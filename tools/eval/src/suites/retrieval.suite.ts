import {
  Format,
  IntentSchema,
  Locale,
  RerankService,
  RetrievalService,
  enumValueByName,
} from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { planForIntent } from '@mangaassist/store-data';
import { z } from 'zod';
import type { EvalSuite } from '../lib/eval-suite';
import { round } from '../lib/metrics';
import { readLabelledJsonl } from '../lib/read-jsonl';
import { formatTable } from '../lib/table';

const documentId = z
  .string()
  .regex(/^(MA-\d{4,}|POL-\d{3,})$/, 'must look like MA-0001 or POL-001');

/**
 * One labelled query. `relevant` is a list of ids (all equally relevant) or graded judgements
 * `{"MA-0001": 3, "MA-0002": 1}` (0–3, as in data/rerank/train.jsonl), so the training file can be
 * evaluated too. `intent` (optional) picks the gateway's retrieval plan for that intent.
 */
const lineSchema = z.object({
  query: z.string().min(1),
  locale: z.enum(['ja', 'en']),
  relevant: z.union([
    z.array(documentId).min(1),
    z
      .record(documentId, z.number().int().min(0).max(3))
      .refine((grades) => Object.values(grades).some((g) => g > 0), 'needs a grade above 0'),
  ]),
  intent: z
    .string()
    .refine((name) => enumValueByName(IntentSchema, name) !== undefined, 'unknown intent')
    .optional(),
  category: z.string().min(1).optional(),
  /** Entities the intent service would extract; the gateway passes them to both calls. */
  entities: z
    .object({
      title_ids: z
        .array(z.string().regex(/^MA-\d{4,}$/))
        .max(50)
        .optional(),
      volume: z.number().int().min(1).max(10_000).optional(),
      format: z.enum(['print', 'kindle']).optional(),
    })
    .optional(),
});
type Line = z.infer<typeof lineSchema>;

/** Rerank returns its best top_n in order; asking for 10 keeps the first `evidence` unchanged. */
const RANKED_DEPTH = 10;

export interface QueryScores {
  'recall@1': number;
  'recall@3': number;
  'recall@10': number;
  mrr: number;
  'ndcg@10': number;
}
const METRICS = ['recall@1', 'recall@3', 'recall@10', 'mrr', 'ndcg@10'] as const;

/**
 * Ranking metrics of one query. Recall@k is capped recall (BEIR's R_cap@k): found relevant
 * documents in the top k over min(k, number relevant), so a mood query with 20 fitting series
 * scores 1 at k=3 when the top 3 all fit, and a one-answer query scores the hit rate.
 */
export function scoreRanking(ranked: readonly string[], grades: ReadonlyMap<string, number>) {
  const relevant = [...grades.entries()].filter(([, g]) => g > 0);
  const recall = (k: number) =>
    ranked.slice(0, k).filter((id) => (grades.get(id) ?? 0) > 0).length /
    Math.min(k, relevant.length);
  const first = ranked.findIndex((id) => (grades.get(id) ?? 0) > 0);
  const gain = (grade: number) => 2 ** grade - 1;
  const dcg = ranked
    .slice(0, 10)
    .reduce((sum, id, i) => sum + gain(grades.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = relevant
    .map(([, g]) => g)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
  return {
    'recall@1': recall(1),
    'recall@3': recall(3),
    'recall@10': recall(10),
    mrr: first < 0 ? 0 : 1 / (first + 1),
    'ndcg@10': ideal > 0 ? dcg / ideal : 0,
  } satisfies QueryScores;
}

function mean(scores: readonly QueryScores[]): QueryScores & { count: number } {
  const out = { count: scores.length } as QueryScores & { count: number };
  for (const metric of METRICS) {
    out[metric] = round(scores.reduce((s, q) => s + q[metric], 0) / Math.max(1, scores.length));
  }
  return out;
}

function gradesOf(line: Line): Map<string, number> {
  return Array.isArray(line.relevant)
    ? new Map(line.relevant.map((id) => [id, 1]))
    : new Map(Object.entries(line.relevant));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export const suite: EvalSuite = {
  name: 'retrieval',
  summary:
    'retrieval.Search then rerank.Rerank as the gateway calls them: Recall@1/3/10, MRR, nDCG@10',
  services: ['retrieval', 'rerank'],
  defaultFile: 'data/retrieval/dev.jsonl',
  async run({ file, addresses, progress }) {
    if (!file) throw new Error('--file is required');
    const lines = readLabelledJsonl(file, lineSchema);
    const retrieval = createGrpcClient(RetrievalService, {
      address: addresses.retrieval,
      defaultDeadlineMs: 10_000,
    });
    const rerank = createGrpcClient(RerankService, {
      address: addresses.rerank,
      defaultDeadlineMs: 10_000,
    });
    const final: QueryScores[] = [];
    const lexical: QueryScores[] = [];
    const latencies: number[] = [];
    const misses: string[] = [];
    const groups = new Map<string, QueryScores[]>();
    const add = (key: string, scores: QueryScores) =>
      groups.set(key, [...(groups.get(key) ?? []), scores]);
    try {
      for (const [i, line] of lines.entries()) {
        const intent = line.intent ? (enumValueByName(IntentSchema, line.intent) ?? 0) : 0;
        const plan = planForIntent(intent);
        const locale = line.locale === 'ja' ? Locale.JA : Locale.EN;
        const entities = {
          titleIds: line.entities?.title_ids ?? [],
          volume: line.entities?.volume ?? 0,
          format:
            line.entities?.format === 'print'
              ? Format.PRINT
              : line.entities?.format === 'kindle'
                ? Format.KINDLE
                : Format.UNSPECIFIED,
        };
        const started = performance.now();
        const found = await retrieval.rpc.search({
          query: line.query,
          locale,
          intent,
          entities,
          filters: { kind: plan.kind, policyTopics: plan.policyTopics },
          topK: plan.topK,
        });
        const reranked =
          found.hits.length === 0
            ? { results: [] }
            : await rerank.rpc.rerank({
                query: line.query,
                locale,
                intent,
                entities,
                candidates: found.hits,
                topN: Math.max(plan.evidence, RANKED_DEPTH),
              });
        latencies.push(performance.now() - started);
        const grades = gradesOf(line);
        const ranked = reranked.results.map((r) => r.hit?.id ?? '');
        const scores = scoreRanking(ranked, grades);
        final.push(scores);
        lexical.push(
          scoreRanking(
            found.hits.map((h) => h.id),
            grades,
          ),
        );
        add(`locale:${line.locale}`, scores);
        if (line.category) add(`category:${line.category}`, scores);
        if (scores['recall@3'] < 1) {
          misses.push(
            `${line.query} -> ${ranked.slice(0, 3).join(' ') || '(nothing)'}; wanted ${[...grades.keys()].slice(0, 4).join(' ')}`,
          );
        }
        if ((i + 1) % 50 === 0) progress(`${i + 1}/${lines.length} queries`);
      }
    } finally {
      retrieval.close();
      rerank.close();
    }
    latencies.sort((a, b) => a - b);
    const pick = (prefix: string) =>
      Object.fromEntries(
        [...groups.entries()]
          .filter(([key]) => key.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, scores]) => [key.slice(prefix.length), mean(scores)]),
      );
    const overall = mean(final);
    const byLocale = pick('locale:');
    const byCategory = pick('category:');
    const json = {
      ...overall,
      by_locale: byLocale,
      by_category: byCategory,
      retrieval_only: mean(lexical),
      latency_ms: {
        p50: round(percentile(latencies, 0.5), 2),
        p99: round(percentile(latencies, 0.99), 2),
      },
      misses_at_3: misses.length,
    };
    const row = (name: string, s: QueryScores & { count: number }) => [
      name,
      s.count,
      ...METRICS.map((m) => s[m]),
    ];
    const table = [
      formatTable(
        ['set', 'n', ...METRICS],
        [
          row('overall (retrieval + rerank)', overall),
          row('retrieval alone', mean(lexical)),
          ...Object.entries(byLocale).map(([k, s]) => row(`locale ${k}`, s)),
          ...Object.entries(byCategory).map(([k, s]) => row(`  ${k}`, s)),
        ],
      ),
      `search + rerank over gRPC: p50 ${json.latency_ms.p50} ms, p99 ${json.latency_ms.p99} ms`,
      misses.length > 0
        ? `not fully in the top 3 (${misses.length}):\n  ${misses.slice(0, 40).join('\n  ')}`
        : 'every query has its relevant documents in the top 3',
    ].join('\n\n');
    return { json, table };
  },
};
