/** Precision, recall and F1 of one label, and how many gold examples carry it. */
export interface LabelScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  examples: number;
  accuracy: number;
  /** Unweighted mean F1 over the labels present in gold or predictions. */
  macroF1: number;
  perLabel: Record<string, LabelScores>;
  /** confusion[gold][predicted] = count; only non-zero cells. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Accuracy, macro-F1, per-label scores and the confusion matrix of predicted vs gold labels.
 * Shared by training (dev metrics in the artifact), the benchmarks and the eval suite's
 * numbers, so all three count the same way.
 */
export function classificationReport(
  gold: readonly string[],
  predicted: readonly string[],
): ClassificationReport {
  if (gold.length !== predicted.length) {
    throw new Error(`gold has ${gold.length} labels but predictions ${predicted.length}`);
  }
  const labels = [...new Set([...gold, ...predicted])].sort();
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (g === p) correct += 1;
    confusion[g] ??= {};
    confusion[g][p] = (confusion[g][p] ?? 0) + 1;
  });
  const perLabel: Record<string, LabelScores> = {};
  for (const label of labels) {
    const truePositives = confusion[label]?.[label] ?? 0;
    const support = gold.filter((g) => g === label).length;
    const predictedCount = predicted.filter((p) => p === label).length;
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[label] = { precision, recall, f1, support };
  }
  const f1s = Object.values(perLabel).map((s) => s.f1);
  return {
    examples: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perLabel,
    confusion,
  };
}
