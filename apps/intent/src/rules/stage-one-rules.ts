import { bareGreetingRule } from './bare-greeting.rule';
import { humanHandoffRule } from './human-handoff.rule';
import type { StageOneRule } from './stage-one-rule';

/**
 * The stage-1 rules in priority order. An "order number -> order_status" rule was measured and
 * removed: in data/intent/train.jsonl it also fired on returns of a numbered order ("return
 * order 250-…"), so order numbers are extracted as an entity and the classifier decides.
 */
export const STAGE_ONE_RULES: readonly StageOneRule[] = [humanHandoffRule, bareGreetingRule];

/** The first rule that fires, if any. */
export function applyStageOneRules(
  text: string,
  rules: readonly StageOneRule[] = STAGE_ONE_RULES,
): StageOneRule | undefined {
  return rules.find((rule) => rule.matches(text));
}
