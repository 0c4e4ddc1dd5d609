import { SpanMask } from '../pii/span-mask';
import type { TextSpan } from '../pii/text-span';

/**
 * Promises the store's policies do not make on their own: refunds for opened items, discounts
 * and coupons, guaranteed delivery dates. A promise is fine when a cited policy says the same
 * thing (POL-009: 送料を含めて全額を返金します).
 */
const PROMISES: readonly RegExp[] = [
  /\b(?:guarantee(?:d|s)?|promise(?:d|s)?)(?: you)?(?: a)?(?: full)? refund\b/gi,
  /\b(?:full refund|refund (?:you )?in full|100 ?% refund|refund the full amount|fully refund(?:ed)?)\b/gi,
  /必ず(?:全額)?返金|全額(?:を)?返金(?:します|いたします|致します|できます|させていただきます|可能|され)|返金(?:を)?保証/g,
  /\b(?:we|i)(?: will|'ll| can| could) (?:give|offer|apply|send|provide)(?: you)?(?: a| an)?(?: \d{1,3} ?%)?(?: special| extra| exclusive)? (?:discount|coupon|promo(?:tion)? code|voucher)\b/gi,
  /\b(?:(?<!\d)\d{1,3} ?% off|special discount|discount code|coupon code)\b/gi,
  /割引(?:します|いたします|致します|できます|させていただきます|を適用します)|(?<!\d)\d{1,3} ?[%％] ?(?:オフ|OFF|引き)|クーポン(?:を|も)?(?:差し上げ|お送り|発行|進呈|プレゼント|お付け)/gi,
  /\b(?:guarantee(?:d|s)?(?: to)? (?:deliver(?:y|ed)?|arrive|arrival)|(?:will|'ll) (?:definitely|certainly|surely) (?:arrive|be delivered)|delivery (?:is )?guaranteed|guaranteed (?:delivery|arrival|to arrive))\b/gi,
  /\b(?:arrive|be delivered|delivered) (?:by|on) [^.!?。]{1,30}?,? guaranteed\b/gi,
  /必ず(?:お届け|届き|届け|到着|着き|間に合い)|確実に(?:届き|お届け|到着)|(?:到着|配達|お届け)(?:日)?を?保証/g,
];

// Particles and spacing differ between an answer and the policy it paraphrases.
function compact(text: string): string {
  return text.toLowerCase().replace(/[\s、。,.をはがの]/g, '');
}

/** A promise phrase of an answer and whether a cited policy body makes it too. */
export interface PromiseMention extends TextSpan {
  text: string;
  backed: boolean;
}

/** Every promise phrase of an answer, in order, each once. */
export function findPromises(answer: string, policyBodies: readonly string[]): PromiseMention[] {
  let bodies: string[] | undefined;
  const seen = new SpanMask(answer.length);
  const found: PromiseMention[] = [];
  for (const pattern of PROMISES) {
    pattern.lastIndex = 0;
    for (const m of answer.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      // "guarantee a full refund" and "full refund" are one promise.
      if (seen.overlaps(span)) continue;
      seen.add(span);
      const promise = compact(m[0]);
      bodies ??= policyBodies.map(compact);
      found.push({ ...span, text: m[0], backed: bodies.some((body) => body.includes(promise)) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The promise phrases of an answer that no cited policy body contains. */
export function unbackedPromises(answer: string, policyBodies: readonly string[]): string[] {
  return findPromises(answer, policyBodies)
    .filter((p) => !p.backed)
    .map((p) => p.text);
}
