import type { InjectionScorer } from '../injection/injection-classifier';
import { REASON } from '../verdict/reason-codes';
import type { InputChecker } from './input-checker';
import type { MessageReadings } from './message-readings';

/** Classifier probabilities at or above which a message is flagged (WARN) or blocked. */
export interface InjectionThresholds {
  warnAt: number;
  blockAt: number;
}

export interface InputScreening {
  reasons: string[];
  injectionScore: number;
}

/**
 * Rules first, the classifier second. A rule hit is precise and names the kind of attack, so
 * it decides alone; otherwise the classifier's probability blocks (input.injection.classifier)
 * or lets the message through with a warning (input.injection.suspected).
 */
export class InputScreen {
  constructor(
    private readonly rules: InputChecker,
    private readonly scorer: () => InjectionScorer,
    private readonly thresholds: InjectionThresholds,
  ) {}

  screen(readings: MessageReadings): InputScreening {
    const reasons = this.rules.check(readings);
    const injectionScore = this.scorer().score(readings);
    const ruled = reasons.some(
      (r) => r.startsWith('input.injection.') || r === REASON.otherCustomerData,
    );
    if (!ruled) {
      if (injectionScore >= this.thresholds.blockAt) reasons.push(REASON.injectionClassifier);
      else if (injectionScore >= this.thresholds.warnAt) reasons.push(REASON.injectionSuspected);
    }
    return { reasons, injectionScore };
  }
}
