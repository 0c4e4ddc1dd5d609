import { REASON } from '../verdict/reason-codes';
import { isAbusive, isThreat } from './abuse.rules';
import { decodeEmbeddedPayloads, deobfuscate } from './deobfuscation';
import { findInjectionKinds, type InjectionKind } from './injection.rules';
import { asksForOtherCustomersData } from './other-customer-data.rules';

const INJECTION_REASON: Record<InjectionKind, string> = {
  override: REASON.injectionOverride,
  system_prompt: REASON.injectionSystemPrompt,
  jailbreak: REASON.injectionJailbreak,
};

/**
 * The rule families of CheckInput. Every family reads the normalized message and its
 * de-obfuscated copy; injection rules also read decoded base64/hex payloads, and a hit there
 * is reported as input.injection.encoded. Returns reason codes in a stable order.
 */
export class InputChecker {
  check(normalized: string): string[] {
    const readings: { text: string; mode: 'strict' | 'relaxed' }[] = [
      { text: normalized, mode: 'strict' },
    ];
    const deobfuscated = deobfuscate(normalized);
    if (deobfuscated !== normalized.toLowerCase()) {
      readings.push({ text: deobfuscated, mode: 'relaxed' });
    }
    const reasons = new Set<string>();
    for (const { text, mode } of readings) {
      for (const kind of findInjectionKinds(text, mode)) reasons.add(INJECTION_REASON[kind]);
    }
    if (this.hasEncodedInjection(normalized)) reasons.add(REASON.injectionEncoded);
    // Single insult words are too short to match without word boundaries, so these families
    // read the de-obfuscated copy strictly; only the long injection phrases read it relaxed.
    for (const { text } of readings) {
      if (isThreat(text)) reasons.add(REASON.threat);
      if (isAbusive(text)) reasons.add(REASON.abuse);
      if (asksForOtherCustomersData(text)) reasons.add(REASON.otherCustomerData);
    }
    return [...reasons];
  }

  private hasEncodedInjection(normalized: string): boolean {
    return decodeEmbeddedPayloads(normalized).some(
      (payload) =>
        findInjectionKinds(payload, 'strict').length > 0 ||
        findInjectionKinds(deobfuscate(payload), 'relaxed').length > 0,
    );
  }
}
