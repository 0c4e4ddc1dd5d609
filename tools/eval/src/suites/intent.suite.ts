import {
  IntentSchema,
  IntentService,
  Locale,
  Route,
  RouteSchema,
  enumNames,
  enumValueName,
} from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { z } from 'zod';
import type { EvalSuite } from '../lib/eval-suite';
import { prf, round } from '../lib/metrics';
import { mapLimited } from '../lib/map-limited';
import { readLabelledJsonl } from '../lib/read-jsonl';
import { formatTable } from '../lib/table';

const INTENTS = enumNames(IntentSchema);

const lineSchema = z.object({
  text: z.string().min(1).max(2000),
  locale: z.enum(['ja', 'en']).optional(),
  intent: z.string().refine((label) => INTENTS.includes(label), {
    message: `must be one of ${INTENTS.join(', ')}`,
  }),
});
type Line = z.infer<typeof lineSchema>;

interface Outcome {
  line: Line;
  predicted: string;
  route: string;
  confidence: number;
  rule: string;
}

/**
 * Routes whose answer needs no LLM call: `template` (store policies and canned answers), `api`
 * (catalog and order lookups) and `clarify` (a fixed clarifying question). `rag` and `llm` go
 * through generation. llm_bypass_share is the share of lines routed to one of these.
 */
export const LLM_FREE_ROUTES: readonly Route[] = [Route.TEMPLATE, Route.API, Route.CLARIFY];

const CONCURRENCY = 8;
const TARGET_ACCURACY = 0.93;

const share = (count: number, total: number) => (total === 0 ? 0 : round(count / total));

/** Accuracy, macro-F1, per-intent scores and the confusion matrix of a set of outcomes. */
export function intentMetrics(outcomes: readonly Outcome[]) {
  const labels = [...new Set(outcomes.flatMap((o) => [o.line.intent, o.predicted]))].sort(
    (a, b) => INTENTS.indexOf(a) - INTENTS.indexOf(b),
  );
  const confusion: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    confusion[o.line.intent] ??= {};
    confusion[o.line.intent][o.predicted] = (confusion[o.line.intent][o.predicted] ?? 0) + 1;
  }
  const perIntent: Record<
    string,
    { precision: number; recall: number; f1: number; support: number }
  > = {};
  for (const label of labels) {
    const tp = outcomes.filter((o) => o.line.intent === label && o.predicted === label).length;
    const fp = outcomes.filter((o) => o.line.intent !== label && o.predicted === label).length;
    const fn = outcomes.filter((o) => o.line.intent === label && o.predicted !== label).length;
    perIntent[label] = { ...prf(tp, fp, fn), support: tp + fn };
  }
  const f1s = Object.values(perIntent).map((s) => s.f1);
  const correct = outcomes.filter((o) => o.predicted === o.line.intent).length;
  return {
    accuracy: share(correct, outcomes.length),
    macro_f1: f1s.length === 0 ? 0 : round(f1s.reduce((a, b) => a + b, 0) / f1s.length),
    per_intent: perIntent,
    confusion,
  };
}

/**
 * Intent classification over gRPC, exactly as the gateway calls it (intent.Classify with the
 * line's locale): accuracy, macro-F1, per-intent scores, the confusion matrix (gold -> predicted)
 * and the share of turns that need no LLM (see LLM_FREE_ROUTES).
 */
export const suite: EvalSuite = {
  name: 'intent',
  summary: 'intent accuracy, macro-F1, per-intent scores, confusion and LLM bypass share (ja/en)',
  services: ['intent'],
  defaultFile: 'data/intent/dev.jsonl',
  async run({ file, addresses, progress }) {
    if (!file) throw new Error('intent needs --file <jsonl>');
    const lines = readLabelledJsonl(file, lineSchema);
    const client = createGrpcClient(IntentService, {
      address: addresses.intent,
      defaultDeadlineMs: 10_000,
    });
    let done = 0;
    let modelVersion = '';
    const outcomes = await mapLimited(lines, CONCURRENCY, async (line): Promise<Outcome> => {
      const reply = await client.rpc.classify({
        text: line.text,
        locale:
          line.locale === 'ja' ? Locale.JA : line.locale === 'en' ? Locale.EN : Locale.UNSPECIFIED,
      });
      modelVersion = reply.modelVersion;
      if (++done % 200 === 0) progress(`${done}/${lines.length} classified`);
      return {
        line,
        predicted: enumValueName(IntentSchema, reply.intent),
        route: enumValueName(RouteSchema, reply.route),
        confidence: reply.confidence,
        rule: reply.rule,
      };
    }).finally(() => client.close());

    const metrics = intentMetrics(outcomes);
    const routeCounts: Record<string, number> = {};
    for (const o of outcomes) routeCounts[o.route] = (routeCounts[o.route] ?? 0) + 1;
    const freeRoutes = LLM_FREE_ROUTES.map((r) => enumValueName(RouteSchema, r));
    const bypass = outcomes.filter((o) => freeRoutes.includes(o.route)).length;
    const perLocale: Record<string, { examples: number; accuracy: number }> = {};
    for (const locale of ['ja', 'en'] as const) {
      const group = outcomes.filter((o) => o.line.locale === locale);
      if (group.length > 0) perLocale[locale] = { examples: group.length, ...pick(group) };
    }
    const byRule = outcomes.filter((o) => o.rule !== '');
    const json = {
      file,
      examples: outcomes.length,
      model_version: modelVersion,
      accuracy: metrics.accuracy,
      macro_f1: metrics.macro_f1,
      per_intent: metrics.per_intent,
      confusion: metrics.confusion,
      llm_bypass_share: share(bypass, outcomes.length),
      llm_free_routes: freeRoutes,
      route_share: Object.fromEntries(
        Object.entries(routeCounts)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([route, count]) => [route, share(count, outcomes.length)]),
      ),
      per_locale: perLocale,
      rule_decided: {
        share: share(byRule.length, outcomes.length),
        accuracy: pick(byRule).accuracy,
      },
      mean_confidence: round(outcomes.reduce((sum, o) => sum + o.confidence, 0) / outcomes.length),
      targets: { accuracy: TARGET_ACCURACY },
    };
    return { json, table: renderTable(json, metrics) };
  },
};

function pick(group: readonly Outcome[]) {
  return {
    accuracy: share(group.filter((o) => o.predicted === o.line.intent).length, group.length),
  };
}

function renderTable(
  json: {
    file: string;
    examples: number;
    model_version: string;
    accuracy: number;
    macro_f1: number;
    llm_bypass_share: number;
    route_share: Record<string, number>;
    per_locale: Record<string, { examples: number; accuracy: number }>;
  },
  metrics: ReturnType<typeof intentMetrics>,
): string {
  const labels = Object.keys(metrics.per_intent);
  const summary = formatTable(
    ['metric', 'value'],
    [
      ['examples', json.examples],
      ['model', json.model_version],
      ['accuracy', json.accuracy],
      ['macro-F1', json.macro_f1],
      ...Object.entries(json.per_locale).map(
        ([locale, r]) => [`accuracy ${locale} (${r.examples})`, r.accuracy] as [string, number],
      ),
      ['LLM bypass share (template/api/clarify)', json.llm_bypass_share],
      ...Object.entries(json.route_share).map(
        ([route, value]) => [`route ${route}`, value] as [string, number],
      ),
    ],
  );
  const perIntent = formatTable(
    ['intent', 'precision', 'recall', 'f1', 'support'],
    labels.map((label) => {
      const s = metrics.per_intent[label];
      return [label, s.precision, s.recall, s.f1, s.support];
    }),
  );
  // Columns are numbered to keep the matrix narrow; the row labels say which is which.
  const confusion = formatTable(
    ['gold \\ predicted', ...labels.map((_, i) => String(i + 1))],
    labels.map((gold, i) => [
      `${i + 1} ${gold}`,
      ...labels.map((predicted) => String(metrics.confusion[gold]?.[predicted] ?? '.')),
    ]),
  );
  return `${json.file}\n\n${summary}\n\n${perIntent}\n\n${confusion}`;
}
