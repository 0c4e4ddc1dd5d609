import type { CatalogItem, HistoryTurn } from '@mangaassist/contracts';
import { compactKey, matchKey } from '@mangaassist/text';

// "it / それ": the shopper points back at a series named earlier instead of naming one.
const REFERS_BACK_JA = [
  'それ',
  'その作品',
  'そのマンガ',
  'その漫画',
  'その本',
  'これ',
  'この作品',
  'あれ',
];
const REFERS_BACK_EN = /\b(?:it|its|it's|this|that|these|those|them|this one|that one)\b/;

/** How many earlier turns are searched for the series a pronoun points back to. */
const HISTORY_LOOKBACK = 6;

/**
 * The series a product answer is about: the first evidence item (retrieval and rerank put the
 * best match first). History only breaks the tie when several items came back, the question
 * names none of them and points back with "it / それ": then the series named most recently
 * in the conversation wins.
 */
export function focusItem(
  items: readonly CatalogItem[],
  question: string,
  history: readonly HistoryTurn[],
): CatalogItem {
  const [first] = items;
  if (items.length === 1 || history.length === 0) return first;
  if (items.some((item) => mentions(question, item))) return first;
  if (!refersBack(question)) return first;
  for (const turn of history.slice(-HISTORY_LOOKBACK).reverse()) {
    const named = items.find((item) => mentions(turn.text, item));
    if (named) return named;
  }
  return first;
}

export function refersBack(question: string): boolean {
  const key = matchKey(question);
  const raw = question.normalize('NFKC');
  return REFERS_BACK_JA.some((word) => raw.includes(word)) || REFERS_BACK_EN.test(key);
}

/** True when the text names the series by any of its titles or aliases. */
export function mentions(text: string, item: CatalogItem): boolean {
  const spaced = matchKey(text);
  const compact = compactKey(text);
  const names = [item.titleJa, item.titleEn, item.titleRomaji, ...item.aliases];
  return names.some((name) => {
    const key = compactKey(name);
    if (/^[a-z0-9]+$/.test(key)) {
      // Short Latin aliases (OP, JJK) must stand alone, or "shop" would name One Piece.
      if (key.length < 2) return false;
      const words = matchKey(name);
      return new RegExp(`(?:^|[^a-z0-9])${escapeRegExp(words)}(?:[^a-z0-9]|$)`).test(spaced);
    }
    return key.length >= 2 && compact.includes(key);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
