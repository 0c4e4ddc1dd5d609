import type { CatalogItem } from '@mangaassist/contracts';
import { normalizeText } from '@mangaassist/text';
import type { PublicNameFinder } from '../pii/pii-detector';
import type { TextSpan } from '../pii/text-span';
import { resolveLongest } from './longest-spans';
import { titleVariants, tooShortToMatchBare } from './title-variants';

/** A catalog title found in a text, with every catalog id that title can mean. */
export interface TitleMention extends TextSpan {
  surface: string;
  ids: readonly string[];
}

interface Entry {
  /** The name with ASCII letters lowercased; the text is folded the same way. */
  key: string;
  ids: Set<string>;
  /** Offsets in key where every spelling has a capital: "one piece" is not One Piece. */
  capitals: number[];
  latinStart: boolean;
  latinEnd: boolean;
  /** Common words (Real, Touch, 日常, タッチ) count as a title only when quoted or numbered. */
  weak: boolean;
  kind: 'title' | 'alias' | 'author';
}

// Titles that are everyday words or given names; the rest are distinctive enough.
// prettier-ignore
const WEAK_TITLES: ReadonlySet<string> = new Set([
  'real', 'touch', 'mix', 'major', 'aria', 'aqua', 'emma', 'nana', 'mao', 'akira', 'pluto',
  'beck', 'kingdom', 'monster', 'overlord', 'medalist', 'drifters', 'berserk', 'bleach', 'erased',
  'dragon quest', 'gto', 'リアル', 'タッチ', 'エマ', '日常', '大奥', '三国志', 'ぼくらの', 'ピンポン',
  'うずまき', '君に届け', 'キングダム', 'メダリスト', 'モンスター',
]);
const OPEN_QUOTE = /[『「"“【《〈'‘]/;
const CLOSE_QUOTE = /^[』」"”】》〉'’]/;
const NUMBERED_AFTER = /^\s?(?:第?\d|vol\b|vol\.|volume|巻)/i;
const ASCII_ALNUM = /[A-Za-z0-9]/;
const HONORIFIC = /様|さん|くん|ちゃん|殿/;

function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The catalog's names (titles in Japanese and English, authors) with a fast matcher: entries
 * are bucketed by first character and tried longest first, so a scan costs a few string
 * comparisons per character of the text.
 */
export class CatalogVocabulary implements PublicNameFinder {
  private readonly buckets = new Map<string, Entry[]>();

  private constructor(
    entries: Iterable<Entry>,
    readonly itemCount: number,
  ) {
    for (const entry of entries) {
      const bucket = this.buckets.get(entry.key[0]) ?? [];
      bucket.push(entry);
      this.buckets.set(entry.key[0], bucket);
    }
    for (const bucket of this.buckets.values()) bucket.sort((a, b) => b.key.length - a.key.length);
  }

  static fromItems(items: readonly CatalogItem[]): CatalogVocabulary {
    const entries = new Map<string, Entry>();
    const add = (name: string, id: string, kind: Entry['kind']) => {
      const surface = normalizeText(name);
      const key = foldAscii(surface);
      if ([...key].length < 2) return;
      const mapKey = `${kind}:${key}`;
      const capitals: number[] = [];
      for (let i = 0; i < surface.length; i++) if (/[A-Z]/.test(surface[i])) capitals.push(i);
      const existing = entries.get(mapKey);
      if (existing) {
        existing.ids.add(id);
        existing.capitals = existing.capitals.filter((i) => capitals.includes(i));
        return;
      }
      entries.set(mapKey, {
        key,
        ids: new Set([id]),
        capitals,
        latinStart: ASCII_ALNUM.test(key[0]),
        latinEnd: ASCII_ALNUM.test(key[key.length - 1]),
        weak: kind === 'title' && (WEAK_TITLES.has(key) || tooShortToMatchBare(key)),
        kind,
      });
    };
    for (const item of items) {
      for (const title of [item.titleJa, item.titleEn]) {
        for (const variant of titleVariants(title)) add(variant, item.id, 'title');
      }
      // Aliases such as かぐや様 or しんちゃん carry an honorific; they are titles, not customers.
      for (const alias of item.aliases) if (HONORIFIC.test(alias)) add(alias, item.id, 'alias');
      for (const author of item.authors) {
        add(author.nameJa, item.id, 'author');
        add(author.nameEn, item.id, 'author');
      }
    }
    return new CatalogVocabulary(entries.values(), items.length);
  }

  /** Catalog titles in normalized text; overlapping mentions keep the longest. */
  findTitles(text: string): TitleMention[] {
    return resolveLongest(this.scan(text, 'title', true)).map((m) => ({
      start: m.start,
      end: m.end,
      surface: text.slice(m.start, m.end),
      ids: [...m.entry.ids].sort(),
    }));
  }

  /** Titles (weak ones included), honorific aliases and author names: never a customer. */
  findPublicNames(text: string): TextSpan[] {
    const kinds: Entry['kind'][] = ['title', 'alias', 'author'];
    return kinds
      .flatMap((kind) => this.scan(text, kind, false))
      .map((m) => ({
        start: m.start,
        end: m.end,
      }));
  }

  private scan(
    text: string,
    kind: Entry['kind'],
    strict: boolean,
  ): { start: number; end: number; entry: Entry }[] {
    const folded = foldAscii(text);
    const found: { start: number; end: number; entry: Entry }[] = [];
    for (let i = 0; i < folded.length; i++) {
      const bucket = this.buckets.get(folded[i]);
      if (!bucket) continue;
      for (const entry of bucket) {
        if (entry.kind !== kind || !folded.startsWith(entry.key, i)) continue;
        const end = i + entry.key.length;
        if (!this.accepts(text, i, end, entry, strict)) continue;
        found.push({ start: i, end, entry });
        break;
      }
    }
    return found;
  }

  private accepts(text: string, start: number, end: number, entry: Entry, strict: boolean) {
    if (entry.latinStart && start > 0 && ASCII_ALNUM.test(text[start - 1])) return false;
    if (entry.latinEnd && end < text.length && ASCII_ALNUM.test(text[end])) return false;
    if (!strict) return true;
    if (entry.capitals.some((offset) => !/[A-Z]/.test(text[start + offset]))) return false;
    if (!entry.weak) return true;
    const before = text.slice(Math.max(0, start - 4), start).trimEnd();
    const quoted =
      OPEN_QUOTE.test(before[before.length - 1] ?? '') && CLOSE_QUOTE.test(text.slice(end));
    return quoted || NUMBERED_AFTER.test(text.slice(end));
  }
}
