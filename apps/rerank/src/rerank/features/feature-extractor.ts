import type { CatalogItem, Policy } from '@mangaassist/contracts';
import {
  THEME_LEXICON,
  asksForSimilar,
  compactKey,
  foldLatinDiacritics,
  hasJapanese,
  labelsInText,
  normalizeText,
} from '@mangaassist/text';
import type { RerankCandidate } from '../reranker';
import type { QuerySignals } from './query-signals';

/**
 * The features every candidate gets, besides one `field.<name>` feature per retrieval field
 * score. Each is scaled to about [-1, 1] so hand-set and trained weights compare.
 */
export const FEATURE_NAMES = [
  'retrieval_score',
  'retrieval_rank',
  'title_in_query',
  'author_in_query',
  'like_reference',
  'like_similar',
  'entity_match',
  'volume_published',
  'volume_next',
  'volume_missing',
  'format_sold',
  'format_missing',
  'popularity',
  'stock_availability',
  'genre_overlap_en',
  'genre_overlap_ja',
  'theme_overlap',
  'kind_match',
  'policy_topic_match',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<string, number>;

export const FIELD_FEATURE_PREFIX = 'field.';
const FIELD_FEATURE = /^field\.[a-z][a-z0-9_]*$/;

export function isKnownFeature(name: string): boolean {
  return (FEATURE_NAMES as readonly string[]).includes(name) || FIELD_FEATURE.test(name);
}

const STOCK_AVAILABILITY: Readonly<Record<string, number>> = {
  in_stock: 1,
  low_stock: 0.7,
  backorder: 0.3,
  out_of_stock: 0,
};
/** A Kindle-only series has no print stock but can always be bought. */
const DIGITAL_ONLY_AVAILABILITY = 0.8;

/**
 * Features of each candidate against the question. Batch-wise because retrieval and field
 * scores are only comparable within one response: they are divided by the batch maximum.
 */
export function extractFeatures(
  signals: QuerySignals,
  candidates: readonly RerankCandidate[],
): FeatureVector[] {
  const topScore = Math.max(0, ...candidates.map((c) => finite(c.hit.score)));
  const fieldTop = new Map<string, number>();
  for (const { hit } of candidates) {
    for (const [field, value] of Object.entries(hit.fieldScores)) {
      fieldTop.set(field, Math.max(fieldTop.get(field) ?? 0, finite(value)));
    }
  }

  const titleKeys = namedTitleKeys(signals, candidates);
  const authorKeys = namedAuthorKeys(signals, candidates, titleKeys);
  const names: NamedInQuery = { titleKeys, authorKeys };
  // For "something like X": the series X named in the question, and what the store lists as
  // similar to them (their similar_to, first most), among the candidates.
  const similarRank = new Map<string, number>();
  if (signals.similar) {
    for (const { hit } of candidates) {
      const content = hit.document?.content;
      if (content?.case !== 'item' || !isReference(signals, content.value, names)) continue;
      content.value.similarTo.forEach((id, i) => {
        similarRank.set(id, Math.min(similarRank.get(id) ?? i, i));
      });
    }
  }

  return candidates.map(({ hit, retrievalRank }) => {
    const features: FeatureVector = {
      retrieval_score: topScore > 0 ? finite(hit.score) / topScore : 0,
      retrieval_rank: 1 / Math.max(1, retrievalRank),
    };
    for (const [field, value] of Object.entries(hit.fieldScores)) {
      const top = fieldTop.get(field) ?? 0;
      if (top > 0) features[`${FIELD_FEATURE_PREFIX}${field}`] = finite(value) / top;
    }
    const content = hit.document?.content;
    if (content?.case === 'item') {
      Object.assign(features, itemFeatures(signals, content.value, names));
      const similar = similarRank.get(content.value.id);
      if (similar !== undefined) features.like_similar = 1 / (1 + similar);
    }
    if (content?.case === 'policy') Object.assign(features, policyFeatures(signals, content.value));
    return features;
  });
}

/** Title and author names the question contains, to tell one from the other. */
interface NamedInQuery {
  titleKeys: readonly string[];
  authorKeys: readonly string[];
}

function itemFeatures(
  signals: QuerySignals,
  item: CatalogItem,
  names: NamedInQuery,
): Partial<Record<FeatureName, number>> {
  // The X of "something like X" is named as a reference, not asked for: like_reference says so.
  const reference = isReference(signals, item, names);
  const features: Partial<Record<FeatureName, number>> = {
    title_in_query: reference ? 0 : titleInQuery(signals, item, names.authorKeys),
    author_in_query: authorInQuery(signals, item, names.titleKeys),
    popularity: Math.min(100, item.popularity) / 100,
    stock_availability: availability(item, signals.format),
    kind_match: kindMatch(signals, 'item'),
  };
  if (reference) features.like_reference = 1;
  const rank = signals.titleRank.get(item.id);
  if (rank !== undefined) features.entity_match = 1 / (1 + rank);
  if (signals.volume !== undefined) {
    const published = signals.volume <= item.volumesPublished;
    const next = item.nextVolume?.number === signals.volume;
    features.volume_published = published ? 1 : 0;
    features.volume_next = next ? 1 : 0;
    features.volume_missing = published || next ? 0 : 1;
  }
  if (signals.format !== undefined) {
    const sold = item.formats.includes(signals.format);
    features.format_sold = sold ? 1 : 0;
    features.format_missing = sold ? 0 : 1;
  }
  if (signals.genresEn.size > 0) features.genre_overlap_en = overlap(signals.genresEn, item.genres);
  if (signals.genresJa.size > 0) features.genre_overlap_ja = overlap(signals.genresJa, item.genres);
  if (signals.themes.size > 0) {
    const has = new Set(item.themes.flatMap(themeLabels));
    const shared = [...signals.themes].filter((t) => has.has(t)).length;
    if (shared > 0) features.theme_overlap = shared / signals.themes.size;
  }
  return features;
}

function policyFeatures(
  signals: QuerySignals,
  policy: Policy,
): Partial<Record<FeatureName, number>> {
  return {
    kind_match: kindMatch(signals, 'policy'),
    policy_topic_match: signals.topics.has(policy.topic) ? 1 : 0,
  };
}

/**
 * 1 when the whole question is a title or alias, 0.8 when one appears in it: Japanese names
 * of two characters or more anywhere, Latin names as whole words only ("op" is not in "shop").
 */
function titleInQuery(
  signals: QuerySignals,
  item: CatalogItem,
  authorKeys: readonly string[] = [],
): number {
  let best = 0;
  for (const name of [item.titleJa, item.titleEn, item.titleRomaji, ...item.aliases]) {
    const key = nameKey(name);
    if (!key) continue;
    if (key === signals.compact) return 1;
    const inside = hasJapanese(key)
      ? key.length >= 2 && signals.compact.includes(key)
      : key.length >= 2 && signals.wordRuns.has(key);
    // A title inside an author's name ("Akira" in "Akira Toriyama") is the author.
    if (inside && !authorKeys.some((author) => author !== key && author.includes(key))) best = 0.8;
  }
  return best;
}

/** Keys of the candidates' authors that the question names, except inside a named title. */
function namedAuthorKeys(
  signals: QuerySignals,
  candidates: readonly RerankCandidate[],
  titleKeys: readonly string[],
): string[] {
  const keys = new Set<string>();
  for (const { hit } of candidates) {
    const content = hit.document?.content;
    if (content?.case !== 'item') continue;
    for (const author of content.value.authors) {
      for (const name of [author.nameJa, author.nameEn]) {
        const key = nameKey(name);
        if (key.length < 2) continue;
        const found = hasJapanese(key) ? signals.compact.includes(key) : signals.wordRuns.has(key);
        if (found && !titleKeys.some((title) => title !== key && title.includes(key)))
          keys.add(key);
      }
    }
  }
  return [...keys];
}

/**
 * The item is the X of "something like X": named inside the question (not the whole question),
 * and the question still asks for similar series once X's names are taken out ("March Comes In
 * Like a Lion" contains "like" itself).
 */
function isReference(signals: QuerySignals, item: CatalogItem, names: NamedInQuery): boolean {
  if (!signals.similar || titleInQuery(signals, item, names.authorKeys) !== 0.8) return false;
  let text = signals.text;
  for (const name of [item.titleJa, item.titleEn, item.titleRomaji, ...item.aliases]) {
    const key = normalizeText(name).toLowerCase();
    if (key) text = text.split(key).join(' ');
  }
  return asksForSimilar(text);
}

/**
 * 1 when an author's full name, in either script, is in the question: Japanese names anywhere,
 * Latin names as whole words, and not as part of a title the question names ("ONE", the author
 * of One-Punch Man, inside "ONE PIECE").
 */
function authorInQuery(
  signals: QuerySignals,
  item: CatalogItem,
  titleKeys: readonly string[],
): number {
  for (const author of item.authors) {
    for (const name of [author.nameJa, author.nameEn]) {
      const key = nameKey(name);
      if (key.length < 2) continue;
      const found = hasJapanese(key) ? signals.compact.includes(key) : signals.wordRuns.has(key);
      if (found && !titleKeys.some((title) => title !== key && title.includes(key))) return 1;
    }
  }
  return 0;
}

/** Keys of the candidates' titles and aliases that the question names. */
function namedTitleKeys(signals: QuerySignals, candidates: readonly RerankCandidate[]): string[] {
  const keys = new Set<string>();
  for (const { hit } of candidates) {
    const content = hit.document?.content;
    if (content?.case !== 'item') continue;
    const item = content.value;
    for (const name of [item.titleJa, item.titleEn, item.titleRomaji, ...item.aliases]) {
      const key = nameKey(name);
      if (
        key.length >= 2 &&
        (hasJapanese(key) ? signals.compact.includes(key) : signals.wordRuns.has(key))
      ) {
        keys.add(key);
      }
    }
  }
  return [...keys];
}

const nameKeys = new Map<string, string>();

/**
 * The compact key of a title or author name, cached: every request compares the same few
 * thousand catalog names, and normalizing each again would cost more than the model.
 */
function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = compactKey(foldLatinDiacritics(name));
    if (nameKeys.size >= 200_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

const themeLabelCache = new Map<string, string[]>();

/** THEME_LEXICON labels of a catalog theme tag ("vampire family" -> vampire, family). */
function themeLabels(theme: string): string[] {
  let labels = themeLabelCache.get(theme);
  if (!labels) {
    labels = [...labelsInText(THEME_LEXICON, theme).en];
    // Theme tags repeat across the catalog; the bound keeps an unusual catalog from growing it.
    if (themeLabelCache.size >= 50_000) themeLabelCache.clear();
    themeLabelCache.set(theme, labels);
  }
  return labels;
}

function availability(item: CatalogItem, format: 'print' | 'kindle' | undefined): number {
  if (format === 'kindle') return item.formats.includes('kindle') ? 1 : 0;
  if (!item.formats.includes('print')) return format === 'print' ? 0 : DIGITAL_ONLY_AVAILABILITY;
  return STOCK_AVAILABILITY[item.stockPrint] ?? 0;
}

function kindMatch(signals: QuerySignals, kind: 'item' | 'policy'): number {
  if (!signals.preferredKind) return 0;
  return signals.preferredKind === kind ? signals.kindStrength : -signals.kindStrength;
}

function overlap(asked: ReadonlySet<string>, genres: readonly string[]): number {
  return genres.filter((g) => asked.has(g)).length / asked.size;
}

/** Scores arrive as float32 from the wire; NaN or infinity from a bad caller counts as 0. */
function finite(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
