import { REASON } from '../verdict/reason-codes';
import { isAbusive, isThreat } from './abuse.rules';
import { deobfuscate } from './deobfuscation';
import { findInjectionKinds, type InjectionKind } from './injection.rules';
import type { MessageReadings } from './message-readings';
import { asksForOtherCustomersData } from './other-customer-data.rules';

const INJECTION_REASON: Record<InjectionKind, string> = {
  override: REASON.injectionOverride,
  system_prompt: REASON.injectionSystemPrompt,
  jailbreak: REASON.injectionJailbreak,
};

/**
 * The high-precision rule families of CheckInput. Every family reads the folded message and
 * its de-obfuscated copy; injection rules also read decoded payloads (base64/hex, tag
 * characters, hinted ROT13 or reversed text), and a hit there is input.injection.encoded.
 * Returns reason codes in a stable order.
 */
export class InputChecker {
  check(readings: MessageReadings): string[] {
    const views: { text: string; mode: 'strict' | 'relaxed' }[] = [
      { text: readings.folded, mode: 'strict' },
    ];
    if (readings.deobfuscated !== readings.folded.toLowerCase()) {
      views.push({ text: readings.deobfuscated, mode: 'relaxed' });
    }
    const reasons = new Set<string>();
    for (const { text, mode } of views) {
      for (const kind of findInjectionKinds(text, mode)) reasons.add(INJECTION_REASON[kind]);
    }
    if (this.hasEncodedInjection(readings.payloads)) reasons.add(REASON.injectionEncoded);
    // Single insult words are too short to match without word boundaries, so these families
    // read the de-obfuscated copy strictly; only the long injection phrases read it relaxed.
    for (const { text } of views) {
      if (isThreat(text)) reasons.add(REASON.threat);
      if (isAbusive(text)) reasons.add(REASON.abuse);
      if (asksForOtherCustomersData(text)) reasons.add(REASON.otherCustomerData);
    }
    return [...reasons];
  }

  private hasEncodedInjection(payloads: readonly string[]): boolean {
    return payloads.some(
      (payload) =>
        findInjectionKinds(payload, 'strict').length > 0 ||
        findInjectionKinds(deobfuscate(payload), 'relaxed').length > 0 ||
        asksForOtherCustomersData(payload),
    );
  }
}
