import { Verdict } from '@mangaassist/contracts';
import { piiReason, REASON, verdictFor } from './reason-codes';

describe('verdictFor', () => {
  it('blocks on any blocking reason, warns on warnings, allows PII-only', () => {
    expect(verdictFor([])).toBe(Verdict.ALLOW);
    expect(verdictFor([piiReason('EMAIL'), piiReason('PHONE')])).toBe(Verdict.ALLOW);
    expect(verdictFor([REASON.abuse, piiReason('EMAIL')])).toBe(Verdict.WARN);
    expect(verdictFor([REASON.abuse, REASON.threat])).toBe(Verdict.BLOCK);
    expect(verdictFor([REASON.outputWeaklyGrounded])).toBe(Verdict.WARN);
    expect(verdictFor([REASON.outputCompetitorPrice])).toBe(Verdict.BLOCK);
    expect(verdictFor([REASON.outputPolicyPromise])).toBe(Verdict.BLOCK);
    expect(verdictFor([REASON.outputOtherCustomerData])).toBe(Verdict.BLOCK);
    expect(verdictFor([REASON.injectionClassifier])).toBe(Verdict.BLOCK);
    expect(verdictFor([REASON.injectionSuspected])).toBe(Verdict.WARN);
  });

  it('names PII reasons after the span type', () => {
    expect(piiReason('CREDIT_CARD')).toBe('pii.credit_card');
  });
});
