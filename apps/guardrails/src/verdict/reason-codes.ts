import { Verdict } from '@mangaassist/contracts';

/** Reason codes returned in CheckInputResponse.reasons / CheckOutputResponse.reasons. */
export const REASON = {
  inputTooLong: 'input.too_long',
  injectionOverride: 'input.injection.override',
  injectionSystemPrompt: 'input.injection.system_prompt',
  injectionJailbreak: 'input.injection.jailbreak',
  injectionEncoded: 'input.injection.encoded',
  injectionClassifier: 'input.injection.classifier',
  injectionSuspected: 'input.injection.suspected',
  abuse: 'input.abuse',
  threat: 'input.threat',
  otherCustomerData: 'input.other_customer_data',
  outputUngrounded: 'output.ungrounded',
  outputWeaklyGrounded: 'output.weakly_grounded',
  outputNoEvidence: 'output.no_evidence',
  outputPolicyPromise: 'output.policy_promise',
  outputCompetitorPrice: 'output.competitor_price',
  outputPii: 'output.pii',
  outputOtherCustomerData: 'output.other_customer_data',
} as const;

const BLOCKING: ReadonlySet<string> = new Set([
  REASON.inputTooLong,
  REASON.injectionOverride,
  REASON.injectionSystemPrompt,
  REASON.injectionJailbreak,
  REASON.injectionEncoded,
  REASON.injectionClassifier,
  REASON.threat,
  REASON.otherCustomerData,
  REASON.outputUngrounded,
  REASON.outputNoEvidence,
  REASON.outputCompetitorPrice,
  REASON.outputPolicyPromise,
  REASON.outputOtherCustomerData,
]);

const WARNING: ReadonlySet<string> = new Set([
  REASON.abuse,
  REASON.injectionSuspected,
  REASON.outputWeaklyGrounded,
  REASON.outputPii,
]);

/** pii.email, pii.phone, ...: informational, they never change the verdict. */
export function piiReason(type: string): string {
  return `pii.${type.toLowerCase()}`;
}

/** The strictest verdict any of the reasons calls for; no reasons means ALLOW. */
export function verdictFor(reasons: readonly string[]): Verdict {
  if (reasons.some((r) => BLOCKING.has(r))) return Verdict.BLOCK;
  if (reasons.some((r) => WARNING.has(r))) return Verdict.WARN;
  return Verdict.ALLOW;
}
