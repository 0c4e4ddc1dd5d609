/** A scored, labelled answer: `positive` means hallucinated. */
export interface ScoredLabel {
  score: number;
  positive: boolean;
}

/**
 * One operating point of "flag when the grounding score is below `threshold`": hallucinations
 * flagged (tp), grounded answers flagged (fp), and the rates derived from them.
 */
export interface CurvePoint {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  recall: number;
  falsePositiveRate: number;
  /** 1 when nothing is flagged, by convention (no false alarm was raised). */
  precision: number;
}

function point(labels: readonly ScoredLabel[], threshold: number): CurvePoint {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { score, positive } of labels) {
    const flagged = score < threshold;
    if (positive && flagged) tp += 1;
    else if (positive) fn += 1;
    else if (flagged) fp += 1;
    else tn += 1;
  }
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    falsePositiveRate: fp + tn === 0 ? 0 : fp / (fp + tn),
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  };
}

/**
 * Every distinct operating point, from flagging nothing (threshold 0) to flagging everything.
 * Thresholds sit halfway between consecutive distinct scores, so "score < threshold" flags
 * exactly the scores at or below the lower one, as GUARDRAILS_GROUNDING_*_BELOW is applied.
 */
export function thresholdCurve(labels: readonly ScoredLabel[]): CurvePoint[] {
  const scores = [...new Set(labels.map((l) => l.score))].sort((a, b) => a - b);
  const thresholds = [0];
  scores.forEach((score, i) => {
    const next = scores[i + 1];
    thresholds.push(next === undefined ? Math.min(1.0001, score + 0.0001) : (score + next) / 2);
  });
  return [...new Set(thresholds)].map((t) => point(labels, t));
}

/** Area under the ROC curve (trapezoids over the operating points). */
export function rocAuc(curve: readonly CurvePoint[]): number {
  const sorted = [...curve].sort(
    (a, b) => a.falsePositiveRate - b.falsePositiveRate || a.recall - b.recall,
  );
  let area = 0;
  for (let i = 1; i < sorted.length; i++) {
    const width = sorted[i].falsePositiveRate - sorted[i - 1].falsePositiveRate;
    area += (width * (sorted[i].recall + sorted[i - 1].recall)) / 2;
  }
  return area;
}

/** Average precision: precision at each recall step, weighted by the recall gained. */
export function averagePrecision(curve: readonly CurvePoint[]): number {
  const sorted = [...curve].sort((a, b) => a.recall - b.recall || b.precision - a.precision);
  let ap = 0;
  let previousRecall = 0;
  for (const p of sorted) {
    if (p.recall > previousRecall) {
      ap += (p.recall - previousRecall) * p.precision;
      previousRecall = p.recall;
    }
  }
  return ap;
}

/**
 * The highest threshold (most hallucinations caught) whose precision is at least
 * `minPrecision` and that flags something; undefined when no threshold reaches it.
 */
export function thresholdAtPrecision(
  curve: readonly CurvePoint[],
  minPrecision: number,
): CurvePoint | undefined {
  return [...curve]
    .filter((p) => p.tp + p.fp > 0 && p.precision >= minPrecision)
    .sort((a, b) => b.recall - a.recall || a.fp - b.fp)[0];
}
