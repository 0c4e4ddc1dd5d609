import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromRepoRoot } from '@mangaassist/config';
import { classifierSourceFor } from '../app/classifier-source.factory';
import { loadIntentConfig } from '../app/intent.config';
import { integerOption, PROCESS_IO, runCli, UsageError } from '../cli/cli-io';
import { loadIntentRuntime } from '../intent/intent-runtime';
import { timeClassify } from './classify-bench';

const HELP = `Usage: npm run bench:intent -- [--calls N] [--warmup N] [--file <jsonl>]

Times Classify in-process, as the service runs it (rules, entities, title masking, the
configured classifier, routing), over a realistic mix of shopper messages: the texts of
--file (default data/intent/dev.jsonl, Japanese and English, all eleven intents). The model is
the one the service would load (INTENT_MODEL_VERSION etc.). Also times a 2,000-character
message, the longest Classify accepts. Prints one JSON object:
{"bench","calls","p50_ms","p90_ms","p99_ms","mean_ms","max_ms","target_p99_ms","long_message",...}
`;

void runCli('bench:intent', async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        calls: { type: 'string' },
        warmup: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    PROCESS_IO.out(HELP);
    return;
  }
  const calls = integerOption('calls', values.calls, 1, 10_000_000) ?? 20_000;
  const warmup = integerOption('warmup', values.warmup, 0, 1_000_000) ?? 2_000;
  const file = values.file
    ? isAbsolute(values.file)
      ? values.file
      : resolve(process.cwd(), values.file)
    : fromRepoRoot('data/intent/dev.jsonl');
  const mix = (await readFile(file, 'utf8'))
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = JSON.parse(line) as { text?: unknown };
      if (typeof parsed.text !== 'string') throw new Error(`${file}: line ${i + 1} has no text`);
      return parsed.text;
    });
  const config = loadIntentConfig();
  const source = classifierSourceFor(config);
  const started = Date.now();
  const runtime = await loadIntentRuntime(
    { catalogPath: config.INTENT_CATALOG_PATH, minConfidence: config.INTENT_MIN_CONFIDENCE },
    source,
  );
  const loadMs = Date.now() - started;
  PROCESS_IO.err(`${source.describe()} in ${loadMs} ms; ${mix.length} messages\n`);
  PROCESS_IO.err(`timing ${calls} calls after ${warmup} warm-up calls\n`);
  const summary = await timeClassify(runtime.pipeline, mix, calls, warmup);
  const long = 'ワンピースの最新刊はいつ発売ですか？ when is the next volume out? '
    .repeat(40)
    .slice(0, 2000);
  const longSummary = await timeClassify(runtime.pipeline, [long], 200, 20);
  await runtime.classifier.close?.();
  const lengths = mix.map((text) => [...text].length).sort((a, b) => a - b);
  PROCESS_IO.out(
    `${JSON.stringify({
      bench: 'intent-classify',
      ...summary,
      target_p99_ms: 2,
      model_version: runtime.pipeline.modelVersion,
      mix: { file, messages: mix.length, median_characters: lengths[lengths.length >> 1] },
      long_message: {
        characters: [...long].length,
        p50_ms: longSummary.p50_ms,
        p99_ms: longSummary.p99_ms,
      },
      model_load_ms: loadMs,
      node: process.version,
    })}\n`,
  );
}).then((status) => {
  process.exitCode = status;
});
