import { operatingPoint, thresholdForFpr } from './cross-validation';

describe('operating points', () => {
  const scores = [0.9, 0.8, 0.7, 0.4, 0.3, 0.2, 0.1, 0.05];
  const attacks = [true, true, false, true, false, false, false, false];

  it('counts recall and false-positive rate at a threshold', () => {
    expect(operatingPoint(scores, attacks, 0.5)).toEqual({
      threshold: 0.5,
      recall: 2 / 3,
      falsePositiveRate: 1 / 5,
    });
  });

  it('finds the lowest threshold within a false-positive budget, between two scores', () => {
    const none = thresholdForFpr(scores, attacks, 0);
    expect(none.falsePositiveRate).toBe(0);
    expect(none.recall).toBe(2 / 3);
    expect(none.threshold).toBeCloseTo(0.75);
    const one = thresholdForFpr(scores, attacks, 0.2);
    expect(one).toMatchObject({ recall: 1, falsePositiveRate: 0.2 });
    expect(one.threshold).toBeCloseTo(0.35);
  });
});
