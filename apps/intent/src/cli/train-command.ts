import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromRepoRoot, repoRoot } from '@mangaassist/config';
import { DEFAULT_CATALOG_PATH, loadStoreSnapshot } from '@mangaassist/store-data';
import { classificationReport } from '../classifier/classification-metrics';
import { DEFAULT_TRAINING_OPTIONS, trainIntentModel } from '../classifier/intent-training';
import { loadLabelledExamples, type LabelledExample } from '../classifier/labelled-examples';
import {
  saveModelArtifact,
  sha256,
  writeAtomically,
  type JsonFormatter,
  type TrainingProvenance,
} from '../classifier/model-artifact';
import { renderModelCard } from '../classifier/model-card';
import { IDENTITY_PREPROCESSOR, type TextPreprocessor } from '../classifier/text-preprocessor';
import { TitleIndex } from '../entities/title-index';
import { TitleExtractor } from '../entities/title.extractor';
import { titleMaskingPreprocessor } from '../entities/title-masking.preprocessor';
import { integerOption, UsageError, type CliIo } from './cli-io';
import { formatJsonLikeRepo } from './json-format';

export const TRAIN_HELP = `Usage: npm run intent:train -- --out models/intent/<version> [options]

Trains the built-in intent classifier (hashed n-gram softmax regression, AdamW) on labelled
JSONL ({"text","locale","intent"} per line), fits its temperature on the dev split, and writes
a versioned model directory: model.json (labels, features, temperature, metrics, data hashes),
weights.bin, metrics.json (dev per-intent scores and confusion) and model-card.md.
The service loads it with INTENT_MODEL_VERSION=<version> (or INTENT_MODEL_PATH=<dir>).

Options:
  --data <jsonl>       training examples (default data/intent/train.jsonl)
  --dev <jsonl>        dev split for calibration and metrics (default data/intent/dev.jsonl)
  --out <dir>          the model directory to write (required), e.g. models/intent/v2
  --seed <n>           seed of the example order (default ${DEFAULT_TRAINING_OPTIONS.optimizer.seed})
  --epochs <n>         training epochs (default ${DEFAULT_TRAINING_OPTIONS.optimizer.epochs})
  --catalog <jsonl>    catalog whose titles are masked (default ${DEFAULT_CATALOG_PATH})
  --no-title-masking   train on the raw text (the service refuses such a model)
  -h, --help           show this help

Progress goes to stderr; one JSON summary line goes to stdout.
`;

export interface TrainArgs {
  data: string;
  dev: string;
  out: string;
  seed: number;
  epochs: number;
  catalog: string;
  titleMasking: boolean;
}

/** Parses the command line; undefined means --help was asked for. */
export function parseTrainArgs(
  argv: readonly string[],
  cwd = process.cwd(),
): TrainArgs | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        dev: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        epochs: { type: 'string' },
        catalog: { type: 'string' },
        'no-title-masking': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return undefined;
  if (!values.out) throw new UsageError('--out <dir> is required, e.g. --out models/intent/v2');
  const path = (given: string | undefined, fallback: string) =>
    given === undefined ? fromRepoRoot(fallback) : isAbsolute(given) ? given : resolve(cwd, given);
  return {
    data: path(values.data, 'data/intent/train.jsonl'),
    dev: path(values.dev, 'data/intent/dev.jsonl'),
    out: path(values.out, ''),
    seed:
      integerOption('seed', values.seed, 0, 2 ** 32 - 1) ?? DEFAULT_TRAINING_OPTIONS.optimizer.seed,
    epochs:
      integerOption('epochs', values.epochs, 1, 1000) ?? DEFAULT_TRAINING_OPTIONS.optimizer.epochs,
    catalog: path(values.catalog, DEFAULT_CATALOG_PATH),
    titleMasking: !values['no-title-masking'],
  };
}

/** A path as recorded in the artifact: relative to the repository when inside it. */
function recordedPath(path: string): string {
  const fromRoot = relative(repoRoot(), path);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? path : fromRoot;
}

function countsByLabel(examples: readonly LabelledExample[]) {
  const counts: Record<string, { ja: number; en: number }> = {};
  for (const e of examples) {
    counts[e.intent] ??= { ja: 0, en: 0 };
    counts[e.intent][e.locale === 'ja' ? 'ja' : 'en'] += 1;
  }
  return counts;
}

/** `formatJson` styles model.json and metrics.json (the repository's Prettier by default). */
export async function runTrain(
  args: TrainArgs,
  io: CliIo,
  formatJson: (json: string, path: string) => ReturnType<JsonFormatter> = formatJsonLikeRepo,
): Promise<Record<string, unknown>> {
  const [train, dev, trainText, devText] = await Promise.all([
    loadLabelledExamples(args.data),
    loadLabelledExamples(args.dev),
    readFile(args.data),
    readFile(args.dev),
  ]);
  io.err(`read ${train.length} training examples from ${args.data}, ${dev.length} dev examples\n`);
  let preprocessor: TextPreprocessor = IDENTITY_PREPROCESSOR;
  let catalog: TrainingProvenance['catalog'];
  if (args.titleMasking) {
    const snapshot = await loadStoreSnapshot({ catalogPath: args.catalog });
    if (snapshot.items.length === 0) throw new Error(`${args.catalog}: no catalog series`);
    preprocessor = titleMaskingPreprocessor(new TitleExtractor(new TitleIndex(snapshot.items)));
    catalog = { path: recordedPath(args.catalog), sha256: sha256(await readFile(args.catalog)) };
    io.err(`masking the titles of ${snapshot.items.length} catalog series\n`);
  }
  const options = {
    ...DEFAULT_TRAINING_OPTIONS,
    optimizer: { ...DEFAULT_TRAINING_OPTIONS.optimizer, seed: args.seed, epochs: args.epochs },
  };
  const model = trainIntentModel(train, dev, options, preprocessor, {
    onEpoch: (r, run, runs) =>
      io.err(
        `model ${run}/${runs}, epoch ${r.epoch}/${r.epochs}: loss ${r.loss.toFixed(4)}, train accuracy ${r.accuracy.toFixed(4)}, ${(r.elapsedMs / 1000).toFixed(1)} s\n`,
      ),
  });
  const provenance: TrainingProvenance = {
    train: { path: recordedPath(args.data), sha256: sha256(trainText), examples: train.length },
    dev: { path: recordedPath(args.dev), sha256: sha256(devText), examples: dev.length },
    ...(catalog ? { catalog } : {}),
    options: JSON.parse(JSON.stringify(options)) as Record<string, unknown>,
  };
  const report = classificationReport(
    dev.map((e) => e.intent),
    dev.map((e) => model.predict(e.text)[0].label),
  );
  const manifest = await saveModelArtifact(args.out, model, provenance, (json) =>
    formatJson(json, join(args.out, 'model.json')),
  );
  const metrics = {
    version: model.version,
    ...model.metrics,
    temperature: model.parts.temperature,
    dev: report,
  };
  await writeAtomically(
    join(args.out, 'metrics.json'),
    await formatJson(`${JSON.stringify(metrics, null, 2)}\n`, join(args.out, 'metrics.json')),
  );
  await writeAtomically(
    join(args.out, 'model-card.md'),
    renderModelCard({
      name: basename(args.out),
      manifest,
      dev: report,
      trainCounts: countsByLabel(train),
      devCounts: countsByLabel(dev),
    }),
  );
  const m = model.metrics;
  io.err(
    `dev accuracy ${m.devAccuracy.toFixed(4)}, macro-F1 ${m.devMacroF1.toFixed(4)}, ECE ${m.devEce.toFixed(3)}; wrote ${args.out}\n`,
  );
  return {
    out: recordedPath(args.out),
    version: model.version,
    train_examples: m.trainExamples,
    dev_examples: m.devExamples,
    dev_accuracy: round(m.devAccuracy),
    dev_macro_f1: round(m.devMacroF1),
    dev_ece: round(m.devEce),
    temperature: round(model.parts.temperature),
    buckets: model.parts.buckets.length,
    seed: args.seed,
    epochs: args.epochs,
    seed_ensemble: options.seedEnsemble,
    training_s: Math.round(m.trainingMs / 100) / 10,
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
