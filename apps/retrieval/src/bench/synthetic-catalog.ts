import type { CatalogRecord } from '@mangaassist/store-data';

const EN_WORDS = [
  'Chronicles',
  'Gaiden',
  'Academy',
  'Legacy',
  'Returns',
  'Rebirth',
  'Origins',
  'Frontier',
  'Requiem',
  'Nocturne',
  'Odyssey',
  'Saga',
  'Zero',
  'Next',
  'Eclipse',
  'Horizon',
  'Covenant',
];
const JA_WORDS = [
  '外伝',
  '学園編',
  '新章',
  '異聞',
  '零',
  '黎明',
  '残響',
  '夜想曲',
  '紀行',
  '綺譚',
  '覚醒',
  '終章',
  '前夜',
  '狂詩曲',
  '物語',
  '奇譚',
  '航路',
];
const ROMAJI_WORDS = [
  'Gaiden',
  'Gakuen-hen',
  'Shinshō',
  'Ibun',
  'Zero',
  'Reimei',
  'Zankyō',
  'Yasōkyoku',
  'Kikō',
  'Kitan',
  'Kakusei',
  'Shūshō',
  "Zen'ya",
  'Kyōshikyoku',
  'Monogatari',
  'Kitan',
  'Kōro',
];

/**
 * A deterministic catalog of `count` series derived from the sample store, for benchmarks:
 * the sample records first (so the labelled queries still have their answers), then synthetic
 * series whose every field is recombined from two or three sample records (title halves,
 * authors, themes, synopsis sentences in both languages), with fresh ids and ASINs. The
 * vocabulary, field lengths and language mix are the sample's; the strings are new, so
 * nothing is analyzed once and reused. Every record passes the store's schema and the ingest
 * checks (formats, prices, stock and status are copied as one consistent block).
 */
export function syntheticCatalog(
  sample: readonly CatalogRecord[],
  count: number,
  seed: number,
): CatalogRecord[] {
  if (sample.length === 0) throw new Error('the synthetic catalog needs sample records');
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const records: CatalogRecord[] = sample.slice(0, count).map((r) => ({ ...r }));
  for (let i = records.length; i < count; i++) {
    const base = pick(sample);
    const donor = pick(sample);
    const writer = pick(sample);
    const word = Math.floor(random() * EN_WORDS.length);
    const number = 1 + Math.floor(random() * 99);
    const id = `MA-${String(10_000 + i).padStart(6, '0')}`;
    const titleJa = `${half(base.title_ja, true)}${half(donor.title_ja, false)} ${JA_WORDS[word]}${number}`;
    const titleEn = `${firstWords(base.title_en)} ${lastWords(donor.title_en)} ${EN_WORDS[word]} ${number}`;
    const titleRomaji = `${firstWords(base.title_romaji)} ${lastWords(donor.title_romaji)} ${ROMAJI_WORDS[word]} ${number}`;
    records.push({
      ...base,
      id,
      asin: `4${String(100_000_000 + i).slice(-9)}`,
      title_ja: titleJa,
      title_en: titleEn,
      title_romaji: titleRomaji,
      aliases: [`${half(base.title_ja, true)}${JA_WORDS[word]}`, `${initials(titleEn)}${number}`],
      authors: writer.authors,
      genres: [...new Set([...base.genres, ...donor.genres.slice(0, 1)])],
      themes: [...new Set([...base.themes.slice(0, 2), ...donor.themes.slice(0, 2)])],
      synopsis_ja: `${firstSentence(base.synopsis_ja, '。')}${firstSentence(donor.synopsis_ja, '。')}`,
      synopsis_en: `${firstSentence(base.synopsis_en, '. ')} ${firstSentence(donor.synopsis_en, '. ')}`,
      similar_to: [donor.id, writer.id].filter((other) => other !== id),
      popularity: Math.floor(random() ** 2 * 100),
    });
  }
  return records;
}

function half(text: string, first: boolean): string {
  const chars = [...text];
  const middle = Math.max(1, Math.ceil(chars.length / 2));
  return (first ? chars.slice(0, middle) : chars.slice(middle)).join('');
}

function firstWords(text: string): string {
  const words = text.split(/\s+/);
  return words.slice(0, Math.max(1, Math.ceil(words.length / 2))).join(' ');
}

function lastWords(text: string): string {
  const words = text.split(/\s+/);
  return words.slice(Math.ceil(words.length / 2)).join(' ');
}

function initials(text: string): string {
  return text
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

function firstSentence(text: string, end: string): string {
  const at = text.indexOf(end);
  return at < 0 ? text : text.slice(0, at + end.trimEnd().length);
}

/** The same small seeded generator as everywhere in the benchmarks: fast and repeatable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
