import type { CatalogItem, Document, Policy } from '@mangaassist/contracts';
import {
  POLICY_COMMON_WORDS,
  demographicWords,
  genreWords,
  policyTopicWords,
} from './search-lexicon';

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
    author: item.authors.map((a) => `${a.nameJa}\n${a.nameEn}`).join('\n'),
    publisher: [item.magazine, item.publisherJa, item.publisherEn].join('\n'),
    genre_theme: [
      ...item.genres.map(genreWords),
      ...item.themes,
      demographicWords(item.demographic),
    ].join('\n'),
    synopsis: `${item.synopsisJa}\n${item.synopsisEn}`,
  };
}

export function policyFields(policy: Policy): IndexedFields {
  return {
    ...EMPTY,
    id: policy.id,
    policy_title: `${policy.titleJa}\n${policy.titleEn}`,
    policy_body: `${policy.bodyJa}\n${policy.bodyEn}`,
    policy_topic: `${policyTopicWords(policy.topic)}\n${POLICY_COMMON_WORDS}`,
  };
}

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
