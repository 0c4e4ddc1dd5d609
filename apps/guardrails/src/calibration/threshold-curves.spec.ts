import { averagePrecision, rocAuc, thresholdAtPrecision, thresholdCurve } from './threshold-curves';

const labels = [
  { score: 0, positive: true },
  { score: 0.5, positive: true },
  { score: 0.5, positive: false },
  { score: 0.8, positive: true },
  { score: 1, positive: false },
  { score: 1, positive: false },
];

describe('threshold curves', () => {
  const curve = thresholdCurve(labels);

  it('has one point per distinct score plus "flag nothing", thresholds between scores', () => {
    expect(curve.map((p) => Number(p.threshold.toFixed(4)))).toEqual([0, 0.25, 0.65, 0.9, 1.0001]);
    expect(curve[0]).toMatchObject({ tp: 0, fp: 0, precision: 1, recall: 0 });
    expect(curve[2]).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 2 });
    expect(curve[4]).toMatchObject({ tp: 3, fp: 3, recall: 1, falsePositiveRate: 1 });
  });

  it('computes ROC AUC and average precision', () => {
    expect(rocAuc(curve)).toBeCloseTo(0.8333, 3);
    expect(averagePrecision(curve)).toBeGreaterThan(0.8);
    const perfect = thresholdCurve([
      { score: 0, positive: true },
      { score: 1, positive: false },
    ]);
    expect(rocAuc(perfect)).toBe(1);
  });

  it('proposes the threshold with the most recall at a precision target', () => {
    expect(thresholdAtPrecision(curve, 1)?.threshold).toBeCloseTo(0.25);
    expect(thresholdAtPrecision(curve, 0.75)?.threshold).toBeCloseTo(0.9);
    expect(
      thresholdAtPrecision(
        thresholdCurve([
          { score: 1, positive: false },
          { score: 1, positive: true },
        ]),
        0.9,
      ),
    ).toBeUndefined();
  });
});
