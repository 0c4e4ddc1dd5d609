import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classifierSourceFor } from '../app/classifier-source.factory';
import { loadIntentConfig } from '../app/intent.config';
import { runBanking77Benchmark } from '../benchmarks/banking77.benchmark';
import { locateBanking77, readBanking77Csv } from '../benchmarks/banking77.dataset';
import { runClinc150Benchmark } from '../benchmarks/clinc150.benchmark';
import { readClinc150 } from '../benchmarks/clinc150.dataset';
import { runXsidOutOfScopeCheck } from '../benchmarks/xsid.benchmark';
import { readXsidJapanese } from '../benchmarks/xsid.dataset';
import {
  DEFAULT_TRAINING_OPTIONS,
  type IntentTrainingOptions,
} from '../classifier/intent-training';
import { ModelDirectoryClassifierSource } from '../intent/adapters/model-directory.classifier-source';
import { loadIntentRuntime } from '../intent/intent-runtime';
import { integerOption, numberOption, UsageError, type CliIo } from './cli-io';

export const DATASETS = ['clinc150', 'banking77', 'xsid-ja'] as const;
export type BenchmarkDataset = (typeof DATASETS)[number];

export const DEFAULT_MAX_IN_SCOPE_DROP = 0.005;
export const DEFAULT_VAL_SHARE = 0.1;

export const BENCHMARK_HELP = `Usage: npm run intent:bench -- --dataset <name> --path <file or folder> [options]

Public benchmarks for the built-in intent classifier. clinc150 and banking77 train the SAME
classifier code as our own model (features, AdamW, temperature scaling) on the data set's train
split, tune only on validation data and report on the test split; xsid-ja runs our own production
model on Japanese weather/alarm/reminder sentences, which must come out as out_of_scope.
Test splits are never trained or tuned on. Progress goes to stderr, one JSON object to stdout.

Data sets:
  clinc150    --path .../clinc150/data_full.json
              train + oos_train (OOS as a 151st class); temperature and the OOS confidence floor
              fitted on val + oos_val; prints {"dataset","in_scope_accuracy","oos_recall",...}
  banking77   --path .../banking77 (or its train.csv; test.csv is read beside it)
              a seeded per-label share of train is held out for the temperature;
              prints {"dataset","accuracy","macro_f1",...}
  xsid-ja     --path .../xsid (every ja.*.conll in it) or one .conll file; tokens are joined
              without spaces; prints {"dataset","out_of_scope_share",...}

Options:
  --seed <n>                example-order seed (default ${DEFAULT_TRAINING_OPTIONS.optimizer.seed})
  --epochs <n>              training epochs (default ${DEFAULT_TRAINING_OPTIONS.optimizer.epochs})
  --max-in-scope-drop <x>   clinc150: in-scope val accuracy the OOS floor may cost (default ${DEFAULT_MAX_IN_SCOPE_DROP})
  --val-share <x>           banking77: share of train held out for validation (default ${DEFAULT_VAL_SHARE})
  --model <dir>             xsid-ja: a model directory (default: the one the service loads,
                            models/intent/$INTENT_MODEL_VERSION or $INTENT_MODEL_PATH)
  -h, --help                show this help
`;

export interface BenchmarkArgs {
  dataset: BenchmarkDataset;
  path: string;
  training: IntentTrainingOptions;
  maxInScopeDrop: number;
  valShare: number;
  model?: string;
}

export function parseBenchmarkArgs(
  argv: readonly string[],
  cwd = process.cwd(),
): BenchmarkArgs | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        dataset: { type: 'string' },
        path: { type: 'string' },
        seed: { type: 'string' },
        epochs: { type: 'string' },
        'max-in-scope-drop': { type: 'string' },
        'val-share': { type: 'string' },
        model: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return undefined;
  if (!values.dataset) throw new UsageError(`--dataset is required: ${DATASETS.join(', ')}`);
  if (!(DATASETS as readonly string[]).includes(values.dataset)) {
    throw new UsageError(
      `--dataset must be one of ${DATASETS.join(', ')} (got "${values.dataset}")`,
    );
  }
  if (!values.path) throw new UsageError('--path is required (the data set file or folder)');
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const defaults = DEFAULT_TRAINING_OPTIONS.optimizer;
  return {
    dataset: values.dataset as BenchmarkDataset,
    path: absolute(values.path),
    training: {
      ...DEFAULT_TRAINING_OPTIONS,
      optimizer: {
        ...defaults,
        seed: integerOption('seed', values.seed, 0, 2 ** 32 - 1) ?? defaults.seed,
        epochs: integerOption('epochs', values.epochs, 1, 1000) ?? defaults.epochs,
      },
    },
    maxInScopeDrop:
      numberOption('max-in-scope-drop', values['max-in-scope-drop'], 0, 1) ??
      DEFAULT_MAX_IN_SCOPE_DROP,
    valShare: numberOption('val-share', values['val-share'], 0.01, 0.5) ?? DEFAULT_VAL_SHARE,
    model: values.model === undefined ? undefined : absolute(values.model),
  };
}

export async function runBenchmark(
  args: BenchmarkArgs,
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, unknown>> {
  const progress = (line: string) => io.err(`${line}\n`);
  switch (args.dataset) {
    case 'clinc150': {
      const splits = await readClinc150(args.path);
      progress(
        `CLINC150: ${splits.train.length} train, ${splits.val.length} val, ${splits.test.length} test`,
      );
      return runClinc150Benchmark(
        splits,
        { training: args.training, maxInScopeDrop: args.maxInScopeDrop },
        progress,
      );
    }
    case 'banking77': {
      const files = await locateBanking77(args.path);
      const [train, test] = await Promise.all([
        readBanking77Csv(files.trainPath),
        readBanking77Csv(files.testPath),
      ]);
      progress(`BANKING77: ${train.length} train, ${test.length} test`);
      return runBanking77Benchmark(
        train,
        test,
        { training: args.training, valShare: args.valShare },
        progress,
      );
    }
    case 'xsid-ja': {
      const sentences = await readXsidJapanese(args.path);
      const config = loadIntentConfig(env);
      const source = args.model
        ? new ModelDirectoryClassifierSource(args.model)
        : classifierSourceFor(config);
      progress(`xSID ja: ${sentences.length} sentences; ${source.describe()}`);
      const runtime = await loadIntentRuntime(
        { catalogPath: config.INTENT_CATALOG_PATH, minConfidence: config.INTENT_MIN_CONFIDENCE },
        source,
      );
      try {
        return await runXsidOutOfScopeCheck(sentences, runtime.pipeline, progress);
      } finally {
        await runtime.classifier.close?.();
      }
    }
  }
}
