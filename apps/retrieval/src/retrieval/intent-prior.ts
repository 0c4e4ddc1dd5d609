import { Intent } from '@mangaassist/contracts';
import type { DocumentKindName } from './document-filter';
import type { KindWeights } from './search-index';

// Template intents are answered from store policies; product intents from the catalog.
const POLICY_INTENTS: ReadonlySet<Intent> = new Set([
  Intent.RETURN_REFUND,
  Intent.SHIPPING_DELIVERY,
  Intent.ACCOUNT_PAYMENT,
  Intent.HUMAN_HANDOFF,
]);
const ITEM_INTENTS: ReadonlySet<Intent> = new Set([
  Intent.PRODUCT_SEARCH,
  Intent.PRODUCT_QUESTION,
  Intent.AVAILABILITY_PRICE,
  Intent.RELEASE_PREORDER,
]);

/**
 * The weight of the kind an intent does not ask for. Low enough that the asked kind leads
 * on comparable matches, high enough that a strong match of the other kind still shows up
 * ("can I return a Kindle book?" classified as a product question still finds POL-028).
 */
export const OFF_KIND_WEIGHT = 0.3;

export function preferredKind(intent: Intent): DocumentKindName | undefined {
  if (POLICY_INTENTS.has(intent)) return 'policy';
  if (ITEM_INTENTS.has(intent)) return 'item';
  return undefined;
}

export function kindWeights(preferred: DocumentKindName | undefined): KindWeights {
  if (preferred === 'policy') return { item: OFF_KIND_WEIGHT, policy: 1 };
  if (preferred === 'item') return { item: 1, policy: OFF_KIND_WEIGHT };
  return { item: 1, policy: 1 };
}
