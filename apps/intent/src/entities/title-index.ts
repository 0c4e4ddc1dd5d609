import type { CatalogItem } from '@mangaassist/contracts';
import { AMBIGUOUS_TITLE_KEYS } from './ambiguous-title-keys';
import { titleKey } from './keyed-text';

/** Where a key came from; a full title outranks an alias, an alias a derived short form. */
export type TitleKeyKind = 'title' | 'alias' | 'derived';

export interface TitleKeyEntry {
  id: string;
  key: string;
  kind: TitleKeyKind;
  popularity: number;
  /** Only counts with a cue (quoted, capitals, a volume after it); see ambiguous-title-keys.ts. */
  ambiguous: boolean;
}

const KIND_RANK: Record<TitleKeyKind, number> = { title: 0, alias: 1, derived: 2 };
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff々〆ヶ]/u;
const KANJI = /\p{Script=Han}/u;
const LATIN_KEY = /^[a-z0-9]+$/;
/** Japanese keys shorter than this match inside ordinary words (なると in "になると"). */
const MIN_KANA_KEY = 3;
const MIN_KANJI_KEY = 2;
const MIN_LATIN_KEY = 2;
/** Fuzzy matching below this length mostly finds other words, not typos. */
export const MIN_FUZZY_KEY = 6;

/** The catalog's titles and aliases as match keys, built once at start. */
export class TitleIndex {
  readonly byKey = new Map<string, TitleKeyEntry[]>();
  /** Distinct exact key lengths, longest first: the scan tries long keys before short ones. */
  readonly lengths: number[];
  /** Latin keys eligible for fuzzy matching, by length. */
  readonly fuzzyByLength = new Map<number, string[]>();
  readonly maxFuzzyLength: number;

  constructor(items: readonly CatalogItem[]) {
    for (const item of items) {
      const forms: [string, TitleKeyKind][] = [
        [item.titleJa, 'title'],
        [item.titleEn, 'title'],
        [item.titleRomaji, 'title'],
        ...item.aliases.map((alias): [string, TitleKeyKind] => [alias, 'alias']),
        ...[item.titleJa, item.titleEn, item.titleRomaji]
          .flatMap(derivedTitles)
          .map((form): [string, TitleKeyKind] => [form, 'derived']),
      ];
      for (const [form, kind] of forms) this.add(item, form, kind);
    }
    for (const entries of this.byKey.values()) entries.sort(compareEntries);
    this.lengths = [...new Set([...this.byKey.keys()].map((k) => k.length))].sort((a, b) => b - a);
    for (const [key, entries] of this.byKey) {
      if (key.length >= MIN_FUZZY_KEY && LATIN_KEY.test(key) && !entries[0].ambiguous) {
        const sameLength = this.fuzzyByLength.get(key.length) ?? [];
        sameLength.push(key);
        this.fuzzyByLength.set(key.length, sameLength);
      }
    }
    this.maxFuzzyLength = Math.max(0, ...this.fuzzyByLength.keys());
  }

  get(key: string): readonly TitleKeyEntry[] | undefined {
    return this.byKey.get(key);
  }

  private add(item: CatalogItem, form: string, kind: TitleKeyKind): void {
    const key = titleKey(form);
    if (!isMatchableKey(key)) return;
    const entries = this.byKey.get(key) ?? [];
    const existing = entries.find((e) => e.id === item.id);
    if (existing) {
      if (KIND_RANK[kind] < KIND_RANK[existing.kind]) existing.kind = kind;
      return;
    }
    entries.push({
      id: item.id,
      key,
      kind,
      popularity: item.popularity,
      ambiguous: AMBIGUOUS_TITLE_KEYS.has(key),
    });
    this.byKey.set(key, entries);
  }
}

export function isMatchableKey(key: string): boolean {
  if (!JAPANESE.test(key)) return key.length >= MIN_LATIN_KEY;
  return key.length >= (KANJI.test(key) ? MIN_KANJI_KEY : MIN_KANA_KEY);
}

export function compareEntries(a: TitleKeyEntry, b: TitleKeyEntry): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.popularity - a.popularity || a.id.localeCompare(b.id)
  );
}

/**
 * Short forms people actually type: the main title before a subtitle ("Hell's Paradise" from
 * "Hell's Paradise: Jigokuraku", るろうに剣心 from るろうに剣心―明治剣客浪漫譚―), an alternative
 * title in parentheses ("Our Little Sister"), and English titles without a leading "The".
 */
export function derivedTitles(title: string): string[] {
  const forms: string[] = [];
  const head = title.split(/\s*[:：(（〜~―]|\s[-–]/)[0].trim();
  if (head && head !== title) forms.push(head);
  for (const [, inner] of title.matchAll(/[(（]([^)）]+)[)）]/g)) {
    if (!/^parts?\b/i.test(inner)) forms.push(inner.trim());
  }
  for (const form of [title, ...forms]) {
    if (/^the\s+/i.test(form)) forms.push(form.replace(/^the\s+/i, ''));
  }
  return forms;
}
