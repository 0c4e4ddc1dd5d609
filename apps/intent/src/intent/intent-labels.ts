import { Intent, IntentSchema, enumValueByName } from '@mangaassist/contracts';

/** "product_search" -> Intent.PRODUCT_SEARCH; the data and the model speak the short names. */
export function intentOfLabel(label: string): Intent {
  const value = enumValueByName(IntentSchema, label);
  if (value === undefined) throw new Error(`unknown intent label "${label}"`);
  return value as Intent;
}
