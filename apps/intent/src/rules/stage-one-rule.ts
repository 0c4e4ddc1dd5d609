/**
 * A stage-1 rule: a high-precision pattern that decides the intent before the classifier runs.
 * A rule must be right every time it fires on the labelled training data (rule-precision.spec.ts);
 * one that misfires is removed rather than patched with exceptions.
 */
export interface StageOneRule {
  /** Recorded in ClassifyResponse.rule when the rule decides. */
  name: string;
  /** The lowercase intent label it assigns. */
  intent: string;
  /** The confidence reported when it fires. */
  confidence: number;
  matches(text: string): boolean;
}
