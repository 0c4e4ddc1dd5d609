import { ConfigError, fromRepoRoot } from '@mangaassist/config';
import { type CatalogItem, IntentService, Locale, Route } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { startStack } from '@mangaassist/stack';
import { itemDocument, loadStoreSnapshot } from '@mangaassist/store-data';
import { freePort } from '@mangaassist/testing';
import { type LocaleCode, detectLocale } from '@mangaassist/text';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadGenerationConfig, modelIdsOf, priceTableOf } from '../app/generation.config';
import { composeAnswer } from '../composer/answer-composer';
import { mentions } from '../composer/focus-item';
import { projectCost, round4 } from '../cost/cost-projection';
import {
  type MixTurn,
  ROUTE_OF_INTENT,
  type SessionMix,
  intentByName,
  measureMix,
  parseMix,
} from '../cost/session-mix';
import type { AnswerRequest, ModelTier } from '../generation/answer-provider';
import { type TurnClass, decideModelUse, turnClass } from '../generation/answer-routing';
import { chooseTier } from '../llm/model-tiering';
import { buildPrompt } from '../prompts/prompt-builder';
import { PromptRegistry } from '../prompts/prompt-registry';
import { estimateTokens } from '../prompts/token-estimate';

const HELP = `Usage: npm run cost:estimate -- --sessions <n> [options]

Projects the model cost per session (and for <n> sessions) from the session mix: the share of
template / api / rag / llm turns, measured by classifying the dev set (data/intent/dev.jsonl)
with the intent service (started here as a process), or given with --mix. Only turns that may
reach a model bill tokens (template, catalog-API and evidence-less turns never do); each is
priced at its tier's model from the price table (GENERATION_PRICE_TABLE over the built-ins),
with the prompt size measured by rendering the configured prompt release
(GENERATION_PROMPT_VERSION) for every model turn of the dev set. Prints one JSON object.

Options:
  --sessions N            sessions to project (required)
  --turns-per-session N   chat turns per session (default 5)
  --mix SPEC              e.g. template=0.35,api=0.25,rag=0.35,llm=0.05 instead of measuring
  --provider P            bedrock or openai (default GENERATION_PROVIDER, bedrock when it is local)
  --cache-hit-rate R      share of model turns answered from the answer cache, 0..1 (default 0)
  --output-tokens N       answer tokens per model turn (default: measured, see output_tokens_basis)
  --dev PATH              the labelled dev set (default data/intent/dev.jsonl)
  -h, --help              this text
`;

/** Evidence documents per model turn, as the gateway's retrieval plan gives rag and llm turns. */
const EVIDENCE_PER_TURN = 5;
/** Model answers carry citation markers and fuller sentences than the composer's templates. */
const MODEL_ANSWER_FACTOR = 1.5;
const TARGET_PER_SESSION_USD = 0.03;

interface DevLine {
  text: string;
  locale: LocaleCode;
  intent: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string' },
      'turns-per-session': { type: 'string', default: '5' },
      mix: { type: 'string' },
      provider: { type: 'string' },
      'cache-hit-rate': { type: 'string', default: '0' },
      'output-tokens': { type: 'string' },
      dev: { type: 'string', default: 'data/intent/dev.jsonl' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const sessions = integer('--sessions', values.sessions, 1, 1e12);
  const turnsPerSession = integer('--turns-per-session', values['turns-per-session'], 1, 1000);
  const cacheHitRate = Number(values['cache-hit-rate']);
  if (!(cacheHitRate >= 0 && cacheHitRate <= 1)) {
    throw new Error('--cache-hit-rate must be between 0 and 1');
  }
  const outputOverride =
    values['output-tokens'] === undefined
      ? undefined
      : integer('--output-tokens', values['output-tokens'], 1, 100_000);

  const configured = loadGenerationConfig();
  const provider =
    values.provider ??
    (configured.GENERATION_PROVIDER === 'local' ? 'bedrock' : configured.GENERATION_PROVIDER);
  if (provider !== 'bedrock' && provider !== 'openai') {
    throw new Error('--provider must be bedrock or openai');
  }
  const config = loadGenerationConfig({ ...process.env, GENERATION_PROVIDER: provider });
  const prices = priceTableOf(config);
  const models = modelIdsOf(config);
  const release = PromptRegistry.load(config.GENERATION_PROMPTS_DIR).require(
    config.GENERATION_PROMPT_VERSION,
  );

  const dev = readDev(fromRepoRoot(values.dev ?? ''));
  let mix: SessionMix;
  let turns: MixTurn[];
  let source: string;
  if (values.mix !== undefined) {
    mix = parseMix(values.mix);
    turns = dev.map((line) => ({
      text: line.text,
      intent: intentByName(line.intent),
      route: ROUTE_OF_INTENT[line.intent],
    }));
    source = 'explicit (--mix); model share and tiers from the labelled dev set';
  } else {
    turns = await classify(dev);
    mix = measureMix(turns);
    source = `dev set classified by the intent service (${dev.length} turns)`;
  }

  const snapshot = await loadStoreSnapshot();
  const byClass: Record<TurnClass, { turns: number; model: number }> = {
    template: { turns: 0, model: 0 },
    api: { turns: 0, model: 0 },
    rag: { turns: 0, model: 0 },
    llm: { turns: 0, model: 0 },
  };
  const tiers: Record<ModelTier, number> = { fast: 0, strong: 0 };
  let inputTokens = 0;
  let composerTokens = 0;
  for (const turn of turns) {
    const request = requestFor(turn, snapshot.items);
    const kind = turnClass(turn.route);
    byClass[kind].turns += 1;
    if (!decideModelUse(request).useModel) continue;
    byClass[kind].model += 1;
    tiers[chooseTier(request).tier] += 1;
    const prompt = buildPrompt(release, request);
    inputTokens += prompt.stats.estimatedTokens;
    composerTokens += estimateTokens(composeAnswer(request).text);
  }
  const modelTurns = tiers.fast + tiers.strong;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const modelShareByClass = {} as Record<TurnClass, number>;
  for (const key of Object.keys(byClass) as TurnClass[]) {
    // A class the dev set never produced (the llm route in the labelled set) is assumed to reach
    // the model whenever the routing allows it: always for rag and llm, never otherwise.
    modelShareByClass[key] =
      byClass[key].turns > 0
        ? share(byClass[key].model, byClass[key].turns)
        : key === 'rag' || key === 'llm'
          ? 1
          : 0;
  }
  const tokens = {
    input: Math.round(share(inputTokens, modelTurns)),
    output: outputOverride ?? Math.round(share(composerTokens, modelTurns) * MODEL_ANSWER_FACTOR),
  };
  const tierShare = {
    fast: share(tiers.fast, modelTurns),
    strong: share(tiers.strong, modelTurns),
  };
  const projection = projectCost({
    sessions,
    turnsPerSession,
    mix,
    modelShareByClass,
    tierShare,
    models,
    tokensPerModelTurn: tokens,
    cacheHitRate,
    prices,
  });
  const price = (id: string) => {
    const p = prices.price(id);
    return { id, input_per_1k_usd: p?.inputPer1k ?? 0, output_per_1k_usd: p?.outputPer1k ?? 0 };
  };
  process.stdout.write(
    `${JSON.stringify({
      sessions,
      turns_per_session: turnsPerSession,
      provider,
      prompt_version: release.id,
      models: { fast: price(models.fast), strong: price(models.strong) },
      mix: {
        source,
        template: round4(mix.template),
        api: round4(mix.api),
        rag: round4(mix.rag),
        llm: round4(mix.llm),
      },
      model_share_by_class: Object.fromEntries(
        Object.entries(modelShareByClass).map(([k, v]) => [k, round4(v)]),
      ),
      model_turn_share: projection.model_turn_share,
      tier_share: { fast: round4(tierShare.fast), strong: round4(tierShare.strong) },
      tokens_per_model_turn: tokens,
      output_tokens_basis:
        outputOverride === undefined
          ? `local composer answer to the same evidence x ${MODEL_ANSWER_FACTOR}`
          : '--output-tokens',
      cache_hit_rate: cacheHitRate,
      cost_usd: projection.cost_usd,
      target_per_session_usd: TARGET_PER_SESSION_USD,
      within_target: projection.cost_usd.per_session <= TARGET_PER_SESSION_USD,
    })}\n`,
  );
}

function integer(name: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined) throw new Error(`${name} is required (see --help)`);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function readDev(path: string): DevLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = JSON.parse(line) as Partial<DevLine>;
      if (
        typeof parsed.text !== 'string' ||
        typeof parsed.intent !== 'string' ||
        !(parsed.intent in ROUTE_OF_INTENT)
      ) {
        throw new Error(`${path}:${index + 1}: needs "text" and a known "intent"`);
      }
      return {
        text: parsed.text,
        intent: parsed.intent,
        locale: parsed.locale === 'ja' ? 'ja' : detectLocale(parsed.text),
      };
    });
}

/** Classifies the dev set with the real intent service, started as a process. */
async function classify(dev: DevLine[]): Promise<MixTurn[]> {
  process.stderr.write('starting the intent service to classify the dev set\n');
  const port = await freePort();
  const stack = await startStack({
    root: fromRepoRoot(),
    ports: { intent: port },
    env: { LOG_FORMAT: 'json' },
    only: ['intent'],
  });
  const client = createGrpcClient(IntentService, {
    address: `127.0.0.1:${port}`,
    defaultDeadlineMs: 5000,
  });
  try {
    const turns: MixTurn[] = [];
    for (const [index, line] of dev.entries()) {
      const reply = await client.rpc.classify({
        text: line.text,
        locale: line.locale === 'ja' ? Locale.JA : Locale.EN,
      });
      turns.push({
        text: line.text,
        intent: reply.intent,
        route: reply.route === Route.UNSPECIFIED ? Route.CLARIFY : reply.route,
      });
      if ((index + 1) % 100 === 0) process.stderr.write(`classified ${index + 1}/${dev.length}\n`);
    }
    return turns;
  } finally {
    client.close();
    await stack.stop();
  }
}

/**
 * The request a model turn would carry: the series the text names first, then their similar
 * series and the store's most popular ones, up to the evidence the gateway passes (5).
 */
function requestFor(turn: MixTurn, items: readonly CatalogItem[]): AnswerRequest {
  const named = items.filter((item) => mentions(turn.text, item)).slice(0, EVIDENCE_PER_TURN);
  const byId = new Map(items.map((item) => [item.id, item]));
  const similar = named
    .flatMap((item) => item.similarTo.map((id) => byId.get(id)))
    .filter((i): i is CatalogItem => !!i);
  const popular = [...items].sort((a, b) => b.popularity - a.popularity);
  const evidence: CatalogItem[] = [];
  for (const item of [...named, ...similar, ...popular]) {
    if (evidence.length >= EVIDENCE_PER_TURN) break;
    if (!evidence.includes(item)) evidence.push(item);
  }
  return {
    question: turn.text,
    locale: detectLocale(turn.text),
    intent: turn.intent,
    route: turn.route,
    entities: undefined,
    evidence: evidence.map(itemDocument),
    history: [],
    signedIn: false,
    traceId: '',
  };
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : (error as Error).message;
  process.stderr.write(`cost:estimate failed: ${message}\n`);
  process.exit(1);
});
