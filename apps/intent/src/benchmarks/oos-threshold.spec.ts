import { chooseOosThreshold, decide, oosScores, type ScoredPrediction } from './oos-threshold';

const p = (gold: string, best: string, probability: number): ScoredPrediction => ({
  gold,
  best,
  probability,
});

const validation = [
  p('weather', 'weather', 0.9),
  p('alarm', 'alarm', 0.8),
  p('alarm', 'weather', 0.35),
  p('timer', 'timer', 0.3),
  p('oos', 'weather', 0.2),
  p('oos', 'alarm', 0.4),
  p('oos', 'oos', 0.7),
];

describe('out-of-scope threshold', () => {
  it('predicts out-of-scope below the floor', () => {
    expect(decide(p('x', 'alarm', 0.2), 0.3, 'oos')).toBe('oos');
    expect(decide(p('x', 'alarm', 0.3), 0.3, 'oos')).toBe('alarm');
  });

  it('scores in-scope accuracy, OOS recall and precision as in CLINC150', () => {
    expect(oosScores(validation, 0, 'oos')).toEqual({
      inScopeAccuracy: 3 / 4,
      oosRecall: 1 / 3,
      oosPrecision: 1,
    });
    const floored = oosScores(validation, 0.36, 'oos');
    expect(floored.inScopeAccuracy).toBe(2 / 4);
    expect(floored.oosRecall).toBe(2 / 3);
    expect(floored.oosPrecision).toBe(2 / 4);
  });

  it('chooses the best mean of accuracy and recall within the allowed accuracy drop', () => {
    // 0.21 floors the 0.2 OOS query without losing any in-scope one.
    expect(chooseOosThreshold(validation, 'oos', 0)).toMatchObject({
      threshold: 0.21,
      inScopeAccuracy: 3 / 4,
      oosRecall: 2 / 3,
    });
    const free = chooseOosThreshold(validation, 'oos', 1);
    expect(free.oosRecall).toBe(1);
    expect(free.threshold).toBeGreaterThan(0.4);
  });
});
