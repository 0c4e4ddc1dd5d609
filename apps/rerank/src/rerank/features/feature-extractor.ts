import type { CatalogItem, Policy } from '@mangaassist/contracts';
import {
  compactKey,
  foldLatinDiacritics,
  hasJapanese,
  stemEnglish,
  wordTokens,
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
    if (content?.case === 'item') Object.assign(features, itemFeatures(signals, content.value));
    if (content?.case === 'policy') Object.assign(features, policyFeatures(signals, content.value));
    return features;
  });
}

function itemFeatures(
  signals: QuerySignals,
  item: CatalogItem,
): Partial<Record<FeatureName, number>> {
  const features: Partial<Record<FeatureName, number>> = {
    title_in_query: titleInQuery(signals, item),
    popularity: Math.min(100, item.popularity) / 100,
    stock_availability: availability(item, signals.format),
    kind_match: kindMatch(signals, 'item'),
  };
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
  const themes = item.themes.filter((theme) =>
    wordTokens(theme)
      .map(stemEnglish)
      .every((word) => signals.words.has(word)),
  );
  if (themes.length > 0) features.theme_overlap = Math.min(1, themes.length / 2);
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
function titleInQuery(signals: QuerySignals, item: CatalogItem): number {
  let best = 0;
  for (const name of [item.titleJa, item.titleEn, item.titleRomaji, ...item.aliases]) {
    const key = compactKey(foldLatinDiacritics(name));
    if (!key) continue;
    if (key === signals.compact) return 1;
    const inside = hasJapanese(key)
      ? key.length >= 2 && signals.compact.includes(key)
      : key.length >= 2 && signals.wordRuns.has(key);
    if (inside) best = 0.8;
  }
  return best;
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
