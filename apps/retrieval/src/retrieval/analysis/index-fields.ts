import type { CatalogItem, Document, Policy } from '@mangaassist/contracts';
import {
  DEMOGRAPHIC_LEXICON,
  GENRE_LEXICON,
  POLICY_COMMON_WORDS,
  POLICY_TOPIC_LEXICON,
  THEME_LEXICON,
  labelsInText,
  lexiconText,
} from '@mangaassist/text';

/**
 * The searchable fields of a document. Their names are also the keys of Hit.field_scores,
 * which rerank reads as features, so renaming one is a contract change for rerank.
 */
export const SEARCH_FIELDS = [
  'title',
  'alias',
  'author',
  'publisher',
  'genre_theme',
  'synopsis',
  'policy_title',
  'policy_body',
  'policy_topic',
] as const;

export type SearchField = (typeof SEARCH_FIELDS)[number];

export type IndexedFields = Record<SearchField, string> & { id: string };

/**
 * How much a match in each field counts. Titles and aliases dominate so that naming a series
 * finds it; synopses and policy bodies only add recall for descriptive questions.
 */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  title: 8,
  alias: 7,
  author: 4,
  publisher: 1.5,
  genre_theme: 2,
  synopsis: 1,
  policy_title: 5,
  policy_body: 1,
  policy_topic: 3,
};

/**
 * Separates the parts of a field that repeat across records on their own (one genre's words,
 * one theme, one author), so an indexer can analyze each distinct part once.
 */
export const BLOCK = '\n\n';

const EMPTY: Record<SearchField, string> = {
  title: '',
  alias: '',
  author: '',
  publisher: '',
  genre_theme: '',
  synopsis: '',
  policy_title: '',
  policy_body: '',
  policy_topic: '',
};

export function itemFields(item: CatalogItem): IndexedFields {
  return {
    ...EMPTY,
    id: item.id,
    title: [item.titleJa, item.titleEn, item.titleRomaji].join('\n'),
    alias: item.aliases.join('\n'),
    author: item.authors.map((a) => `${a.nameJa}\n${a.nameEn}`).join(BLOCK),
    publisher: [item.magazine, item.publisherJa, item.publisherEn].join('\n'),
    genre_theme: [
      ...item.genres.map((genre) => lexiconText(GENRE_LEXICON, genre)),
      ...item.themes.map(themeText),
      lexiconText(DEMOGRAPHIC_LEXICON, item.demographic),
    ].join(BLOCK),
    synopsis: `${item.synopsisJa}\n${item.synopsisEn}`,
  };
}

export function policyFields(policy: Policy): IndexedFields {
  return {
    ...EMPTY,
    id: policy.id,
    policy_title: `${policy.titleJa}\n${policy.titleEn}`,
    policy_body: `${policy.bodyJa}\n${policy.bodyEn}`,
    policy_topic: [
      lexiconText(POLICY_TOPIC_LEXICON, policy.topic),
      ...POLICY_COMMON_WORDS.en,
      ...POLICY_COMMON_WORDS.ja,
    ].join('\n'),
  };
}

/**
 * A theme tag with the words shoppers use for it: "vampire family" also as 吸血鬼, "time slip"
 * also as タイムリープ. Catalog themes are English only; the lexicon adds the Japanese.
 */
function themeText(theme: string): string {
  const cached = themeTexts.get(theme);
  if (cached !== undefined) return cached;
  const words = [...labelsInText(THEME_LEXICON, theme).en].flatMap((label) => [
    ...(THEME_LEXICON[label]?.en ?? []),
    ...(THEME_LEXICON[label]?.ja ?? []),
  ]);
  const text = [theme, ...new Set(words)].join('\n');
  // Themes repeat across a catalog; a bounded cache keeps 100,000 records from redoing the work.
  if (themeTexts.size >= MAX_CACHED_THEMES) themeTexts.clear();
  themeTexts.set(theme, text);
  return text;
}

const MAX_CACHED_THEMES = 50_000;
const themeTexts = new Map<string, string>();

/** The fields of any document; undefined for an empty one. */
export function documentFields(document: Document): IndexedFields | undefined {
  switch (document.content.case) {
    case 'item':
      return itemFields(document.content.value);
    case 'policy':
      return policyFields(document.content.value);
    default:
      return undefined;
  }
}
