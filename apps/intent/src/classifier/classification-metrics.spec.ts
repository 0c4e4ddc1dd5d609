import { classificationReport } from './classification-metrics';

describe('classificationReport', () => {
  it('counts accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix', () => {
    const gold = ['order_status', 'order_status', 'return_refund', 'out_of_scope'];
    const predicted = ['order_status', 'return_refund', 'return_refund', 'out_of_scope'];
    const report = classificationReport(gold, predicted);
    expect(report.accuracy).toBe(0.75);
    expect(report.perLabel.order_status).toEqual({
      precision: 1,
      recall: 0.5,
      f1: 2 / 3,
      support: 2,
    });
    expect(report.perLabel.return_refund).toMatchObject({ precision: 0.5, recall: 1 });
    expect(report.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 12);
    expect(report.confusion).toEqual({
      order_status: { order_status: 1, return_refund: 1 },
      return_refund: { return_refund: 1 },
      out_of_scope: { out_of_scope: 1 },
    });
  });

  it('is zero for nothing and refuses mismatched lengths', () => {
    expect(classificationReport([], [])).toMatchObject({ accuracy: 0, macroF1: 0 });
    expect(() => classificationReport(['a'], [])).toThrow(/1 labels but predictions 0/);
  });
});
