import { Intent, IntentSchema, enumValueByName } from '@mangaassist/contracts';
import { INTENT_LABELS } from '../classifier/labelled-examples';

/** "product_search" -> Intent.PRODUCT_SEARCH; the data and the model speak the short names. */
export function intentOfLabel(label: string): Intent {
  const value = enumValueByName(IntentSchema, label);
  if (value === undefined) throw new Error(`unknown intent label "${label}"`);
  return value as Intent;
}

/** A classifier the service runs must answer in intent labels, and know out_of_scope. */
export function assertIntentLabels(labels: readonly string[], source: string): void {
  const unknown = labels.filter((label) => !INTENT_LABELS.includes(label));
  if (unknown.length > 0) {
    throw new Error(`${source}: labels ${unknown.join(', ')} are not intents`);
  }
  if (!labels.includes('out_of_scope')) {
    throw new Error(`${source}: the labels must include out_of_scope`);
  }
}
