import { GuardrailsService, Verdict } from '@mangaassist/contracts';
import { createGrpcClient } from '@mangaassist/grpc';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { EvalSuite } from '../lib/eval-suite';
import { mapLimited } from '../lib/map-limited';
import { round } from '../lib/metrics';
import { formatTable } from '../lib/table';

const jailbreakFileSchema = z.object({
  parameters: z.object({ method: z.string(), model: z.string() }).passthrough(),
  jailbreaks: z.array(z.object({ index: z.number(), prompt: z.string().nullable() }).passthrough()),
});
const clincSchema = z.object({ test: z.array(z.tuple([z.string(), z.string()])) }).passthrough();

// What the gateway accepts; longer messages never reach CheckInput in production.
const GATEWAY_MAX_CHARS = 2_000;
const CONCURRENCY = 8;

interface Checked {
  text: string;
  verdict: Verdict;
  reasons: string[];
}

const INJECTION_LAYER = /^input\.(?:injection\.|other_customer_data$|threat$|abuse$)/;

/** Unique non-null prompts of every model file of one JailbreakBench attack source. */
function jailbreakPrompts(dir: string): { prompts: string[]; files: number; nonNull: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'attack-info.json');
  if (files.length === 0) throw new Error(`${dir} holds no model files`);
  let nonNull = 0;
  const prompts = new Set<string>();
  for (const file of files.sort()) {
    const parsed = jailbreakFileSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    for (const j of parsed.jailbreaks) {
      if (j.prompt === null || j.prompt.trim() === '') continue;
      nonNull += 1;
      prompts.add(j.prompt);
    }
  }
  return { prompts: [...prompts], files: files.length, nonNull };
}

async function checkAll(
  address: string,
  texts: readonly string[],
  progress: (line: string) => void,
  label: string,
): Promise<Checked[]> {
  const client = createGrpcClient(GuardrailsService, { address, defaultDeadlineMs: 10_000 });
  let done = 0;
  try {
    return await mapLimited(texts, CONCURRENCY, async (text): Promise<Checked> => {
      const reply = await client.rpc.checkInput({ text: text.slice(0, 20_000) });
      if (++done % 500 === 0) progress(`${label}: ${done}/${texts.length}`);
      return { text, verdict: reply.verdict, reasons: reply.reasons };
    });
  } finally {
    client.close();
  }
}

function attackReport(checked: readonly Checked[], nonNull: number, files: number) {
  const flagged = checked.filter((c) => c.verdict !== Verdict.ALLOW);
  const byInjectionLayer = checked.filter((c) => c.reasons.some((r) => INJECTION_LAYER.test(r)));
  const withinGateway = checked.filter((c) => c.text.length <= GATEWAY_MAX_CHARS);
  const n = checked.length;
  return {
    model_files: files,
    non_null_prompts: nonNull,
    unique_prompts: n,
    recall: n === 0 ? 0 : round(flagged.length / n),
    block_recall:
      n === 0 ? 0 : round(checked.filter((c) => c.verdict === Verdict.BLOCK).length / n),
    // Without input.too_long: what the injection, abuse and data rules and the classifier catch.
    recall_injection_layers: n === 0 ? 0 : round(byInjectionLayer.length / n),
    over_gateway_limit: checked.length - withinGateway.length,
    recall_within_gateway_limit:
      withinGateway.length === 0
        ? null
        : round(
            withinGateway.filter((c) => c.verdict !== Verdict.ALLOW).length / withinGateway.length,
          ),
  };
}

/**
 * Public test sets, never trained or tuned on: JailbreakBench PAIR and JBC prompts as attacks
 * (recall per source) and CLINC150's in-scope test utterances as benign (false-positive rate),
 * each through guardrails.CheckInput. --file names the external data directory.
 */
export const suite: EvalSuite = {
  name: 'injection-external',
  summary: 'JailbreakBench PAIR/JBC recall and CLINC150 in-scope false-positive rate of CheckInput',
  services: ['guardrails'],
  defaultFile: '../shared/data/external',
  async run({ file, addresses, progress }) {
    if (!file || !existsSync(file) || !statSync(file).isDirectory()) {
      throw new Error(`injection-external needs the external data directory (--file), got ${file}`);
    }
    const sources: Record<string, ReturnType<typeof attackReport>> = {};
    for (const source of ['PAIR', 'JBC']) {
      const dir = join(file, 'jailbreakbench', source);
      if (!existsSync(dir)) throw new Error(`missing ${dir}`);
      const { prompts, files, nonNull } = jailbreakPrompts(dir);
      progress(
        `${source}: ${prompts.length} unique prompts from ${nonNull} non-null in ${files} files`,
      );
      sources[source] = attackReport(
        await checkAll(addresses.guardrails, prompts, progress, source),
        nonNull,
        files,
      );
    }
    const clincPath = join(file, 'clinc150', 'data_full.json');
    if (!existsSync(clincPath)) throw new Error(`missing ${clincPath}`);
    const clinc = clincSchema.parse(JSON.parse(readFileSync(clincPath, 'utf8')));
    const utterances = clinc.test.map(([text]) => text);
    const intents = clinc.test.map(([, intent]) => intent);
    progress(`CLINC150: ${utterances.length} in-scope test utterances`);
    const benign = await checkAll(addresses.guardrails, utterances, progress, 'CLINC150');
    const flagged = benign.flatMap((c, i) =>
      c.verdict !== Verdict.ALLOW ? [{ ...c, intent: intents[i] }] : [],
    );
    const byIntent: Record<string, number> = {};
    const byReason: Record<string, number> = {};
    for (const f of flagged) {
      byIntent[f.intent] = (byIntent[f.intent] ?? 0) + 1;
      for (const r of f.reasons) byReason[r] = (byReason[r] ?? 0) + 1;
    }
    const clincReport = {
      utterances: benign.length,
      flagged: flagged.length,
      false_positive_rate: round(flagged.length / benign.length),
      block_false_positive_rate: round(
        benign.filter((c) => c.verdict === Verdict.BLOCK).length / benign.length,
      ),
      flagged_by_reason: byReason,
      flagged_by_intent: Object.fromEntries(
        Object.entries(byIntent)
          .sort(([, a], [, b]) => b - a)
          .slice(0, 15),
      ),
      examples: flagged
        .slice(0, 20)
        .map((f) => ({ text: f.text, intent: f.intent, reasons: f.reasons })),
    };
    const json = { jailbreakbench: sources, clinc150_in_scope_test: clincReport };
    const table = [
      formatTable(
        [
          'attacks',
          'prompts',
          'recall',
          'block recall',
          'recall (injection layers)',
          '> 2,000 chars',
        ],
        Object.entries(sources).map(([name, r]) => [
          name,
          r.unique_prompts,
          r.recall,
          r.block_recall,
          r.recall_injection_layers,
          r.over_gateway_limit,
        ]),
      ),
      '',
      `CLINC150 in-scope test: ${clincReport.flagged}/${clincReport.utterances} flagged, false-positive rate ${clincReport.false_positive_rate} (block ${clincReport.block_false_positive_rate})`,
    ].join('\n');
    return { json, table };
  },
};
