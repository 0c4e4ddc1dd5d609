/**
 * npm run guardrails:calibrate -- --file <labelled answers jsonl> [--target-precision 0.95]
 *   [--alert-precision 0.8] [--report <html>] [--json]
 *
 * Scores every labelled answer with CheckOutput's grounding score against its evidence (ids
 * resolved from the sample store), prints the ROC and precision-recall points, proposes the
 * block threshold (highest recall at --target-precision) and the alert threshold (highest
 * recall at --alert-precision), and writes an HTML report with both curves.
 */
import { fromRepoRoot } from '@mangaassist/config';
import type { Document } from '@mangaassist/contracts';
import { itemDocument, loadStoreSnapshot, policyDocument } from '@mangaassist/store-data';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadGuardrailsConfig } from '../app/guardrails.config';
import { renderCalibrationReport, type ReportAnswer } from '../calibration/calibration-report.html';
import { loadLabelledAnswers } from '../calibration/labelled-answers';
import {
  averagePrecision,
  rocAuc,
  thresholdAtPrecision,
  thresholdCurve,
} from '../calibration/threshold-curves';
import { CatalogVocabulary } from '../catalog/catalog-vocabulary';
import { checkedAnswer } from '../output/answer-text';
import { OutputChecker } from '../output/output-checker';
import { PiiScanner } from '../pii/pii-scanner';

const DEFAULT_FILE = 'data/guardrails/grounding.dev.jsonl';
const DEFAULT_REPORT = '.var/guardrails/grounding-calibration.html';

const HELP = `Usage: npm run guardrails:calibrate -- [--file <jsonl>] [options]

Calibrates the grounding-score thresholds of CheckOutput on labelled answers.
Each line: {"answer": "...", "evidence": ["MA-0001", "POL-001"], "label": "grounded"|"hallucinated",
"locale": "ja"|"en", "kind": "optional note"}; evidence ids come from the sample store.

Options:
  --file <path>               labelled answers (default ${DEFAULT_FILE})
  --target-precision <p>      precision the block threshold must reach (default 0.95)
  --alert-precision <p>       precision the alert (warn) threshold must reach (default 0.8)
  --report <path>             HTML report with the ROC and PR curves (default ${DEFAULT_REPORT})
  --json                      print one JSON object instead of the table
  -h, --help                  show this help
`;

function ratio(name: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new Error(`--${name} must be a number above 0 and at most 1 (got "${raw}")`);
  }
  return value;
}

function resolvePath(given: string, cwdFirst: boolean): string {
  if (isAbsolute(given)) return given;
  const fromCwd = resolve(process.cwd(), given);
  return cwdFirst && existsSync(fromCwd) ? fromCwd : fromRepoRoot(given);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      'target-precision': { type: 'string', default: '0.95' },
      'alert-precision': { type: 'string', default: '0.8' },
      report: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const targetPrecision = ratio('target-precision', values['target-precision']);
  const alertPrecision = ratio('alert-precision', values['alert-precision']);
  if (alertPrecision > targetPrecision) {
    throw new Error(
      '--alert-precision must not be above --target-precision (alerts catch more, block is stricter)',
    );
  }
  const file = resolvePath(values.file ?? DEFAULT_FILE, values.file !== undefined);
  if (!existsSync(file)) throw new Error(`no such file: ${values.file ?? DEFAULT_FILE}`);
  const reportPath = values.report
    ? resolve(process.cwd(), values.report)
    : fromRepoRoot(DEFAULT_REPORT);

  const config = loadGuardrailsConfig();
  const [answers, store] = await Promise.all([
    loadLabelledAnswers(file),
    loadStoreSnapshot({
      catalogPath: config.GUARDRAILS_CATALOG_PATH,
      policiesPath: config.GUARDRAILS_POLICIES_PATH,
    }),
  ]);
  const documents = new Map<string, Document>([
    ...store.items.map((i) => [i.id, itemDocument(i)] as const),
    ...store.policies.map((p) => [p.id, policyDocument(p)] as const),
  ]);
  const vocabulary = CatalogVocabulary.fromItems(store.items);
  const checker = new OutputChecker(() => vocabulary, PiiScanner.withDefaultDetectors(vocabulary), {
    warnBelow: config.GUARDRAILS_GROUNDING_WARN_BELOW,
    blockBelow: config.GUARDRAILS_GROUNDING_BLOCK_BELOW,
  });
  process.stderr.write(`scoring ${answers.length} answers from ${file}\n`);

  const scored: ReportAnswer[] = answers.map((a, i) => {
    const evidence = a.evidence.map((id) => {
      const document = documents.get(id);
      if (!document) throw new Error(`line ${i + 1}: evidence id ${id} is not in the sample store`);
      return document;
    });
    const result = checker.check(checkedAnswer(a.answer), evidence);
    return { ...a, score: result.groundingScore, unsupported: result.unsupportedClaims };
  });
  const labels = scored.map((a) => ({ score: a.score, positive: a.label === 'hallucinated' }));
  const curve = thresholdCurve(labels);
  const block = thresholdAtPrecision(curve, targetPrecision);
  const alertCandidate = thresholdAtPrecision(curve, alertPrecision);
  // An alert below the block threshold would never fire: block then covers it.
  const alert =
    alertCandidate && block && alertCandidate.threshold < block.threshold ? block : alertCandidate;
  const auc = rocAuc(curve);
  const ap = averagePrecision(curve);

  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(
    reportPath,
    renderCalibrationReport({
      file,
      generatedAt: new Date().toISOString(),
      answers: scored,
      curve,
      rocAuc: auc,
      averagePrecision: ap,
      targetPrecision,
      alertPrecision,
      block,
      alert,
      current: {
        warnBelow: config.GUARDRAILS_GROUNDING_WARN_BELOW,
        blockBelow: config.GUARDRAILS_GROUNDING_BLOCK_BELOW,
      },
    }),
  );

  const r = (v: number) => Math.round(v * 10_000) / 10_000;
  const describe = (p: typeof block) =>
    p && {
      threshold: r(p.threshold),
      precision: r(p.precision),
      recall: r(p.recall),
      false_positive_rate: r(p.falsePositiveRate),
    };
  const json = {
    file,
    answers: answers.length,
    hallucinated: labels.filter((l) => l.positive).length,
    roc_auc: r(auc),
    average_precision: r(ap),
    points: curve.map((p) => ({
      threshold: r(p.threshold),
      tp: p.tp,
      fp: p.fp,
      fn: p.fn,
      tn: p.tn,
      precision: r(p.precision),
      recall: r(p.recall),
      false_positive_rate: r(p.falsePositiveRate),
    })),
    proposed: {
      GUARDRAILS_GROUNDING_BLOCK_BELOW: describe(block) ?? null,
      GUARDRAILS_GROUNDING_WARN_BELOW: describe(alert) ?? null,
      target_precision: targetPrecision,
      alert_precision: alertPrecision,
    },
    report: reportPath,
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(json)}\n`);
    return;
  }
  const lines = [
    `${answers.length} answers (${json.hallucinated} hallucinated); ROC AUC ${r(auc)}, average precision ${r(ap)}`,
    '',
    'flag below  TP   FP   FN   TN   precision  recall  FPR',
    ...curve.map(
      (p) =>
        `${p.threshold.toFixed(3).padStart(10)}  ${String(p.tp).padStart(3)}  ${String(p.fp).padStart(3)}  ${String(p.fn).padStart(3)}  ${String(p.tn).padStart(3)}  ${p.precision.toFixed(3).padStart(9)}  ${p.recall.toFixed(3).padStart(6)}  ${p.falsePositiveRate.toFixed(3)}`,
    ),
    '',
    block
      ? `proposed GUARDRAILS_GROUNDING_BLOCK_BELOW=${block.threshold.toFixed(3)} (precision ${block.precision.toFixed(3)} >= ${targetPrecision}, recall ${block.recall.toFixed(3)})`
      : `no threshold reaches precision ${targetPrecision}: keep blocking off (GUARDRAILS_GROUNDING_BLOCK_BELOW=0)`,
    alert
      ? `proposed GUARDRAILS_GROUNDING_WARN_BELOW=${alert.threshold.toFixed(3)} (precision ${alert.precision.toFixed(3)} >= ${alertPrecision}, recall ${alert.recall.toFixed(3)})`
      : `no threshold reaches precision ${alertPrecision} for alerts`,
    `report: ${reportPath}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`guardrails:calibrate failed: ${(error as Error).message}\n`);
  process.exit(1);
});
