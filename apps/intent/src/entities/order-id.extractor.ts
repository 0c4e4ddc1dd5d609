import { normalizeText } from '@mangaassist/text';

// Hyphen look-alikes a phone keyboard or a copy from an e-mail may produce.
const DASHES = /[‐‑‒–—―−ー－]/g;
/** The store's order number shape, 3-7-7 digits: 250-1234567-1234567. */
const ORDER_NUMBER = /(?<![\d-])(\d{3})\s?-\s?(\d{7})\s?-\s?(\d{7})(?![\d-])/u;
/** "注文番号 1234567890" / "order number: 1234567890": a labelled number in another shape. */
const LABELLED_ORDER_NUMBER =
  /(?:注文番号|注文no\.?|オーダー番号|order\s*(?:number|no\.?|num|id|#))\s*(?:は|が|:|#)?\s*(\d[\d-]{4,24}\d)(?!\d)/iu;

/**
 * The order number a shopper gave, normalized to ASCII digits and hyphens, or '' when none.
 * Full-width digits and dashes (２５０－…) are folded first, as shoppers paste them that way.
 */
export function extractOrderId(text: string): string {
  const normalized = normalizeText(text).replace(DASHES, '-');
  const shaped = ORDER_NUMBER.exec(normalized);
  if (shaped) return `${shaped[1]}-${shaped[2]}-${shaped[3]}`;
  const labelled = LABELLED_ORDER_NUMBER.exec(normalized);
  return labelled ? labelled[1] : '';
}
