import { renderCalibrationReport } from './calibration-report.html';
import { thresholdCurve } from './threshold-curves';

describe('renderCalibrationReport', () => {
  it('is one self-contained page with both curves, the proposals and escaped answers', () => {
    const answers = [
      {
        answer: 'ONE PIECEは120巻 <b>',
        label: 'hallucinated' as const,
        locale: 'ja',
        score: 0.5,
        unsupported: ['120巻'],
      },
      {
        answer: 'One Piece has 116 volumes',
        label: 'grounded' as const,
        locale: 'en',
        score: 1,
        unsupported: [],
      },
    ];
    const curve = thresholdCurve(
      answers.map((a) => ({ score: a.score, positive: a.label === 'hallucinated' })),
    );
    const html = renderCalibrationReport({
      file: 'grounding.dev.jsonl',
      generatedAt: '2026-11-27T00:00:00Z',
      answers,
      curve,
      rocAuc: 1,
      averagePrecision: 1,
      targetPrecision: 0.95,
      alertPrecision: 0.8,
      block: curve[1],
      alert: undefined,
      current: { warnBelow: 0.87, blockBelow: 0.63 },
    });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('ROC: hallucinations caught');
    expect(html).toContain('Precision–recall');
    expect(html).toContain('GUARDRAILS_GROUNDING_BLOCK_BELOW=0.750');
    expect(html).toContain('no threshold reaches precision 0.8');
    expect(html).toContain('ONE PIECEは120巻 &#60;b&#62;');
    expect(html).not.toContain('120巻 <b>');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});
