/** One scored example: the gold label, the best label and its calibrated probability. */
export interface ScoredPrediction {
  gold: string;
  best: string;
  probability: number;
}

export interface OosScores {
  /** In-scope examples predicted as their own intent (OOS predictions count as wrong). */
  inScopeAccuracy: number;
  /** Out-of-scope examples predicted as out-of-scope. */
  oosRecall: number;
  /** Out-of-scope predictions that were out-of-scope. */
  oosPrecision: number;
}

/** The label predicted once a confidence floor is applied: below it, out-of-scope. */
export function decide(prediction: ScoredPrediction, threshold: number, oosLabel: string): string {
  return prediction.probability < threshold ? oosLabel : prediction.best;
}

/** CLINC150's two numbers (Larson et al., 2019, §4) for one threshold. */
export function oosScores(
  predictions: readonly ScoredPrediction[],
  threshold: number,
  oosLabel: string,
): OosScores {
  let inScope = 0;
  let inScopeCorrect = 0;
  let oos = 0;
  let oosCaught = 0;
  let predictedOos = 0;
  for (const prediction of predictions) {
    const label = decide(prediction, threshold, oosLabel);
    if (label === oosLabel) predictedOos += 1;
    if (prediction.gold === oosLabel) {
      oos += 1;
      if (label === oosLabel) oosCaught += 1;
    } else {
      inScope += 1;
      if (label === prediction.gold) inScopeCorrect += 1;
    }
  }
  return {
    inScopeAccuracy: inScope === 0 ? 0 : inScopeCorrect / inScope,
    oosRecall: oos === 0 ? 0 : oosCaught / oos,
    oosPrecision: predictedOos === 0 ? 0 : oosCaught / predictedOos,
  };
}

export interface ThresholdChoice extends OosScores {
  threshold: number;
}

/**
 * Picks the out-of-scope confidence floor on validation data: the one with the best mean of
 * in-scope accuracy and OOS recall among those that cost at most `maxInScopeDrop` of in-scope
 * accuracy against no floor at all. Without the cap, 100 OOS validation queries against 3,000
 * in-scope ones would trade far too much accuracy for recall; with it the trade is explicit.
 */
export function chooseOosThreshold(
  validation: readonly ScoredPrediction[],
  oosLabel: string,
  maxInScopeDrop: number,
  candidates: readonly number[] = Array.from({ length: 96 }, (_, i) => i / 100),
): ThresholdChoice {
  const floor = oosScores(validation, 0, oosLabel).inScopeAccuracy - maxInScopeDrop;
  let best: ThresholdChoice = { threshold: 0, ...oosScores(validation, 0, oosLabel) };
  for (const threshold of candidates) {
    const scores = oosScores(validation, threshold, oosLabel);
    if (scores.inScopeAccuracy < floor - 1e-12) continue;
    const mean = (scores.inScopeAccuracy + scores.oosRecall) / 2;
    if (mean > (best.inScopeAccuracy + best.oosRecall) / 2 + 1e-12) best = { threshold, ...scores };
  }
  return best;
}
