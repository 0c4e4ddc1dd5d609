import type { CatalogItem } from '@mangaassist/contracts';
import {
  compactKey,
  foldLatinDiacritics,
  hasJapanese,
  kanaToRomaji,
  normalizeText,
} from '@mangaassist/text';

/** A series whose title or alias (or author, for an author matcher) the query names. */
export interface TitleMatch {
  id: string;
  /** Characters of the compact query the title covers; longer names are more specific. */
  length: number;
  /** The whole query is the title or alias. */
  exact: boolean;
  /** Where the name starts in the compact query (see compactQuery). */
  start: number;
}

/** A series and the names it may be asked for by. */
export interface NamedSeries {
  id: string;
  names: readonly string[];
}

/** The compact match form of a text plus where its words start and end. */
interface KeyText {
  compact: string;
  /** boundary[i]: a word starts or ends between compact[i-1] and compact[i]. */
  boundary: Uint8Array;
  /** upper[i]: compact[i] came from a word written with a capital letter. */
  upper: Uint8Array;
}

const WORD = /[\p{L}\p{N}]+/gu;
const JAPANESE_RUN =
  /[\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]+|[^\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF々〆ヶ]+/gu;
const LATIN_OR_DIGIT = /[a-z0-9]/;
const HIRAGANA_ONLY = /^[\u3040-\u309F]+$/u;
const LONG_VOWELS: Readonly<Record<string, string>> = {
  ā: 'aa',
  ē: 'ee',
  ī: 'ii',
  ō: 'ou',
  ū: 'uu',
};
/** Extensions that would match more titles than this say too little to boost any of them. */
const MAX_EXTENSION_KEYS = 20;

function keyText(text: string): KeyText {
  const folded = foldLatinDiacritics(normalizeText(text));
  let compact = '';
  const boundaries: number[] = [];
  const uppers: [number, number][] = [];
  for (const word of folded.match(WORD) ?? []) {
    // Script changes are word breaks too: "ONE PIECEの最新刊" -> onepiece | の最新刊.
    for (const run of word.match(JAPANESE_RUN) ?? []) {
      const key = compactKey(run);
      if (!key) continue;
      boundaries.push(compact.length);
      if (/[A-Z]/.test(run)) uppers.push([compact.length, compact.length + key.length]);
      compact += key;
      boundaries.push(compact.length);
    }
  }
  const boundary = new Uint8Array(compact.length + 1);
  for (const b of boundaries) boundary[b] = 1;
  const upper = new Uint8Array(compact.length);
  for (const [from, to] of uppers) upper.fill(1, from, to);
  return { compact, boundary, upper };
}

/** The compact form of a query that TitleMatch.start and length refer to. */
export function compactQuery(query: string): string {
  return keyText(query).compact;
}

/**
 * Finds the series a query names, on compact keys (case, width, kana, spaces, punctuation and
 * macrons ignored). A name counts when it is the whole query or appears in it on word
 * boundaries; a name that continues past a found one ("呪術廻戦0" after "呪術廻戦") counts with
 * the longer length, so sequels win over their parent series. Lookups walk the query against a
 * sorted key list, so the cost grows with the query, not the catalog.
 */
export class NameMatcher {
  // Arrays, not Sets: most keys name one series, and 100,000 series have ~500,000 keys.
  private readonly idsByKey = new Map<string, string[]>();
  private readonly sortedKeys: string[];
  private readonly maxKeyLength: number;

  constructor(series: Iterable<NamedSeries>) {
    for (const { id, names } of series) {
      for (const name of names) {
        const key = keyText(name).compact;
        if (!key) continue;
        const ids = this.idsByKey.get(key);
        if (!ids) this.idsByKey.set(key, [id]);
        else if (!ids.includes(id)) ids.push(id);
      }
    }
    this.sortedKeys = [...this.idsByKey.keys()].sort();
    // A loop, not Math.max(...keys): a 100,000-series catalog has more keys than call arguments.
    this.maxKeyLength = this.sortedKeys.reduce((max, k) => Math.max(max, k.length), 0);
  }

  /**
   * The named series, longest match first. A query written all in kana is also read as romaji
   * (しんげきのきょじん -> Shingeki no Kyojin), since the catalog has no kana readings.
   */
  match(query: string): TitleMatch[] {
    const direct = this.matchKey(query);
    const romaji = kanaToRomaji(query);
    if (!romaji) return direct;
    const merged = new Map(direct.map((m) => [m.id, m]));
    // Kana spells long vowels out (おだえいいちろう); catalog romaji drops them (Eiichiro).
    const short = romaji.replace(/ou/g, 'o').replace(/uu/g, 'u');
    const variants = short === romaji ? [romaji] : [romaji, short];
    for (const m of variants.flatMap((variant) => this.matchKey(variant))) {
      const seen = merged.get(m.id);
      if (!seen || (m.exact && !seen.exact)) merged.set(m.id, m);
    }
    return [...merged.values()].sort((a, b) => b.length - a.length || a.id.localeCompare(b.id));
  }

  private matchKey(query: string): TitleMatch[] {
    const q = keyText(query);
    const n = q.compact.length;
    const best = new Map<string, TitleMatch>();
    const record = (ids: Iterable<string>, start: number, length: number, exact: boolean) => {
      for (const id of ids) {
        const seen = best.get(id);
        if (!seen || length > seen.length || (length === seen.length && exact && !seen.exact)) {
          best.set(id, { id, length, exact, start });
        }
      }
    };

    for (let start = 0; start < n; start++) {
      if (isLatin(q.compact[start]) && !q.boundary[start]) continue;
      let found = 0;
      let end = start + 1;
      for (; end <= n && end - start <= this.maxKeyLength; end++) {
        const sub = q.compact.slice(start, end);
        if (!this.hasKeyWithPrefix(sub)) break;
        const ids = this.idsByKey.get(sub);
        if (!ids) continue;
        const exact = start === 0 && end === n;
        if (exact || this.acceptsInside(sub, q, start, end)) {
          record(ids, start, end - start, exact);
          found = end - start;
        }
      }
      const longest = end - 1 - start;
      if (found > 0 && longest > found) {
        const stop = start + longest;
        if (!isLatin(q.compact[stop - 1]) || q.boundary[stop]) {
          const extended = this.keysWithPrefix(q.compact.slice(start, stop));
          if (extended.length <= MAX_EXTENSION_KEYS) {
            for (const key of extended) {
              record(this.idsByKey.get(key) ?? [], start, longest, false);
            }
          }
        }
      }
    }
    return [...best.values()].sort((a, b) => b.length - a.length || a.id.localeCompare(b.id));
  }

  /**
   * Rules for a title found inside a longer query: Latin edges must sit on word boundaries
   * ("op" is not in "shop"); very short names must look deliberate (a capitalised "OP", or a
   * Japanese name of two characters, three when all kana) to avoid matching ordinary words.
   */
  private acceptsInside(key: string, q: KeyText, start: number, end: number): boolean {
    if (isLatin(key[0]) && !q.boundary[start]) return false;
    if (isLatin(key[key.length - 1]) && !q.boundary[end]) return false;
    if (hasJapanese(key)) {
      return key.length >= (HIRAGANA_ONLY.test(key) ? 3 : 2);
    }
    if (key.length > 3) return true;
    if (!/[a-z]/.test(key)) return false;
    return q.upper.subarray(start, end).some((u) => u === 1);
  }

  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedKeys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private hasKeyWithPrefix(prefix: string): boolean {
    return this.sortedKeys[this.lowerBound(prefix)]?.startsWith(prefix) ?? false;
  }

  private keysWithPrefix(prefix: string): string[] {
    const keys: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.sortedKeys.length; i++) {
      if (!this.sortedKeys[i].startsWith(prefix) || keys.length > MAX_EXTENSION_KEYS) break;
      keys.push(this.sortedKeys[i]);
    }
    return keys;
  }
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN_OR_DIGIT.test(ch);
}

/** Every name of a series, with romaji also spelled with doubled vowels (Kyōjin -> Kyoujin). */
function titleNames(item: CatalogItem): string[] {
  const romajiLong = item.titleRomaji.toLowerCase().replace(/[āēīōū]/g, (v) => LONG_VOWELS[v] ?? v);
  return [item.titleJa, item.titleEn, item.titleRomaji, romajiLong, ...item.aliases];
}

/** Finds the series a query names by title or alias, in any script. */
export class TitleMatcher extends NameMatcher {
  constructor(items: readonly CatalogItem[]) {
    super(items.map((item) => ({ id: item.id, names: titleNames(item) })));
  }
}

/**
 * Every way a series' authors are written: Japanese names, English names in both orders
 * ("Eiichiro Oda", "Oda Eiichiro"), and Japanese names without the middle dot (藤子F不二雄).
 */
function authorNames(item: CatalogItem): string[] {
  return item.authors.flatMap((author) => {
    const english = author.nameEn.split(/\s+/).filter(Boolean);
    return [author.nameJa, author.nameEn, [...english].reverse().join(' ')];
  });
}

/** Finds the series whose author the query names, in either script. */
export class AuthorMatcher extends NameMatcher {
  constructor(items: readonly CatalogItem[]) {
    super(items.map((item) => ({ id: item.id, names: authorNames(item) })));
  }
}
