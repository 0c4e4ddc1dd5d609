/**
 * Chooses the injection classifier's warn and block thresholds by k-fold cross-validation on
 * the training set, together with the rules (a rule hit is always flagged), so the held-out
 * dev and test sets stay untouched. Prints one JSON object.
 *
 *   node tools/run-entry.mjs guardrails apps/guardrails/src/cli/injection-thresholds.ts \
 *     [--file data/guardrails/injection.train.jsonl] [--folds 5] [--warn-fpr 0.015] [--block-fpr 0.005]
 */
import { fromRepoRoot } from '@mangaassist/config';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_INJECTION_TRAIN_PATH } from '../app/guardrails.config';
import { outOfFoldScores, thresholdForFpr } from '../injection/cross-validation';
import { loadInjectionExamples } from '../injection/labelled-injection-examples';
import { InputChecker } from '../input/input-checker';
import { readMessage } from '../input/message-readings';
import { checkedText } from '../text/checked-text';

const HELP = `Usage: injection-thresholds [--file <jsonl>] [--folds <k>] [--warn-fpr <rate>] [--block-fpr <rate>]

Cross-validates the injection classifier on the labelled training file and prints the
thresholds at which rules + classifier reach the given out-of-fold false-positive rates.
  --file       labelled JSONL (default ${DEFAULT_INJECTION_TRAIN_PATH})
  --folds      number of folds, 2-20 (default 5)
  --warn-fpr   false-positive rate allowed for WARN or BLOCK (default 0.015)
  --block-fpr  false-positive rate allowed for BLOCK (default 0.005)
`;

function rate(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`--${name} must be a number from 0 to 1 (got "${raw}")`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: DEFAULT_INJECTION_TRAIN_PATH },
      folds: { type: 'string', default: '5' },
      'warn-fpr': { type: 'string', default: '0.015' },
      'block-fpr': { type: 'string', default: '0.005' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const folds = Number(values.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) {
    throw new Error(`--folds must be an integer from 2 to 20 (got "${values.folds}")`);
  }
  const warnFpr = rate('warn-fpr', values['warn-fpr']);
  const blockFpr = rate('block-fpr', values['block-fpr']);
  const file = isAbsolute(values.file) ? values.file : resolve(process.cwd(), values.file);
  const path = existsSync(file) ? file : fromRepoRoot(values.file);
  if (!existsSync(path)) throw new Error(`no such file: ${values.file}`);

  const examples = await loadInjectionExamples(path);
  process.stderr.write(`cross-validating on ${examples.length} examples, ${folds} folds\n`);
  const scores = outOfFoldScores(examples, folds);
  const rules = new InputChecker();
  const attacks = examples.map((e) => e.label === 'attack');
  const ruleHit = examples.map((e) =>
    rules
      .check(readMessage(checkedText(e.text)))
      .some((r) => r.startsWith('input.injection.') || r === 'input.other_customer_data'),
  );
  // A rule hit is flagged whatever the classifier says: score it above any probability.
  // Template lines train every fold but are not scored: their near-duplicates in the other
  // folds would make recall look better than it is on new phrasings.
  const scored = examples.flatMap((e, i) => (e.source === 'template' ? [] : [i]));
  const combined = scored.map((i) => (ruleHit[i] ? 2 : scores[i]));
  const scoredAttacks = scored.map((i) => attacks[i]);
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  const describe = (point: ReturnType<typeof thresholdForFpr>) => ({
    threshold: round(Math.min(1, point.threshold)),
    recall: round(point.recall),
    false_positive_rate: round(point.falsePositiveRate),
  });
  const ruleRecall = scored.filter((i) => ruleHit[i] && attacks[i]).length;
  const ruleFalse = scored.filter((i) => ruleHit[i] && !attacks[i]).length;
  const positives = scoredAttacks.filter(Boolean).length;
  process.stdout.write(
    `${JSON.stringify({
      file: values.file,
      examples: examples.length,
      scored_examples: scored.length,
      scored_attacks: positives,
      folds,
      rules_only: {
        recall: round(ruleRecall / positives),
        false_positive_rate: round(ruleFalse / (scored.length - positives)),
      },
      warn: { target_fpr: warnFpr, ...describe(thresholdForFpr(combined, scoredAttacks, warnFpr)) },
      block: {
        target_fpr: blockFpr,
        ...describe(thresholdForFpr(combined, scoredAttacks, blockFpr)),
      },
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`injection-thresholds failed: ${(error as Error).message}\n`);
  process.exit(1);
});
