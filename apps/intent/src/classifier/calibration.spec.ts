import { calibratedProbabilities, expectedCalibrationError, fitTemperature } from './calibration';

describe('temperature scaling', () => {
  it('softens an overconfident model (T > 1) and lowers its log loss', () => {
    // Always 20 nats sure, right only 3 times out of 4.
    const logits = [0, 1, 2, 3].map(() => Float64Array.from([20, 0, 0]));
    const labels = [0, 0, 0, 1];
    const fit = fitTemperature(logits, labels);
    expect(fit.temperature).toBeGreaterThan(1);
    expect(fit.nllAfter).toBeLessThan(fit.nllBefore);
    const p = calibratedProbabilities(logits[0], fit.temperature);
    expect(p[0]).toBeGreaterThan(0.6);
    expect(p[0]).toBeLessThan(0.9);
  });

  it('sharpens an underconfident model (0 < T < 1)', () => {
    const logits = [0, 1, 2, 3].map((i) => Float64Array.from(i % 2 ? [0, 0.5] : [0.5, 0]));
    const labels = [0, 1, 0, 1];
    const fit = fitTemperature(logits, labels);
    expect(fit.temperature).toBeGreaterThan(0);
    expect(fit.temperature).toBeLessThan(1);
  });

  it('gives probabilities in [0, 1] that sum to 1, even for extreme logits', () => {
    for (const logits of [
      [1000, -1000, 0],
      [-5, -5, -5],
      [0.1, 0.2, 0.3],
    ]) {
      const p = calibratedProbabilities(Float64Array.from(logits), 0.37);
      p.forEach((v) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      });
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('measures calibration error: 0 when confidence matches accuracy', () => {
    const half = [Float64Array.from([0.55, 0.45]), Float64Array.from([0.55, 0.45])];
    expect(expectedCalibrationError(half, [0, 1])).toBeCloseTo(0.05, 10);
    expect(expectedCalibrationError([Float64Array.from([1, 0])], [1])).toBeCloseTo(1, 10);
  });

  it('refuses to fit without calibration examples', () => {
    expect(() => fitTemperature([], [])).toThrow(/calibration/);
  });
});
