import type { TitleMatch } from '../title-matcher';
import type { QueryAsks } from './query-asks';

// Lexical scores are normalized to at most 1. An entity id lifts its series above any purely
// lexical hit (1.5 > 1); a title the query itself names lifts above any entity-only series
// (3 > 1.5 + 1), so what the shopper typed wins over what the classifier guessed. An author the
// query names lifts all their series above lexical hits but below a named title.
const TITLE_BASE = 3;
const TITLE_LENGTH_BONUS = 1;
const TITLE_EXACT_BONUS = 1;
const ENTITY_BOOST = 1.5;
export const AUTHOR_LIFT = 2;
/** The series of "something like X": above plain lexical hits, in the store's order. */
const SIMILAR_LIFT = 2.2;
/** X itself in "something like X": shown, but after what it is like. */
export const REFERENCE_LIFT = 0.6;
const GENRE_LIFT = 0.9;
const THEME_LIFT = 0.6;
const DEMOGRAPHIC_LIFT = 0.3;
const STATUS_LIFT = 0.2;
/**
 * For a query that describes rather than names ("horror manga"), among items that fit equally
 * the store's popularity decides, as a shop assistant would recommend.
 */
const POPULARITY_PRIOR = 0.5;
/** A policy whose topic the question names ("送料" -> shipping), when nothing else is named. */
export const TOPIC_LIFT = 0.6;
/** When the query is a title, its words ("Blue *Period*", "*Love* Is War") are not a genre ask. */
const TITLE_QUERY_DAMPING = 0.25;

export function titleLift(match: TitleMatch | undefined): number {
  if (!match) return 0;
  return (
    TITLE_BASE +
    (TITLE_LENGTH_BONUS * Math.min(match.length, 50)) / 50 +
    (match.exact ? TITLE_EXACT_BONUS : 0)
  );
}

/** The first entity id lifts most: 1.5, 1.0, 0.75, 0.6, ... */
export function entityLift(rank: number | undefined): number {
  return rank === undefined ? 0 : ENTITY_BOOST / (1 + rank * 0.5);
}

/**
 * Series related to one the query names (its similar_to: sequels, spin-offs, same author):
 * after the named series, before unrelated lexical hits, as a shop shows "related series".
 */
const RELATED_LIFT = 0.5;

/** The store's similar_to order: the first similar series lifts most. */
export function similarLift(position: number | undefined): number {
  return position === undefined ? 0 : SIMILAR_LIFT - 0.15 * Math.min(position, 5);
}

export function relatedLift(position: number | undefined): number {
  return position === undefined ? 0 : RELATED_LIFT * (1 - 0.15 * Math.min(position, 5));
}

/** What an item's own labels are, computed once per item. */
export interface ItemLabels {
  genres: readonly string[];
  /** THEME_LEXICON labels of the series' theme tags. */
  themes: readonly string[];
  demographic: string;
  status: string;
  /** 0–100. */
  popularity: number;
  /** The store's related series, most similar first. */
  similarTo: readonly string[];
}

export interface LabelAsk {
  asks: QueryAsks;
  /** Genres of the reference series of a "like X" query, asked more softly than named ones. */
  referenceGenres: ReadonlySet<string>;
  /** The query is a title: its words are not a genre ask. */
  titleQuery: boolean;
  /** The query names a title or author: popularity must not compete with the name. */
  namesSeries: boolean;
}

/**
 * How well an item fits the genres, themes, audience and status a query names ("scary" ->
 * horror, 「野球」 -> baseball, "seinen", "completed"): the share of asked genres it has, and so
 * on. Lexical search finds these items through index-side synonyms; this lifts them above items
 * that only share an incidental word ("night" in "something scary to read at night").
 */
export function labelLift(labels: ItemLabels, ask: LabelAsk): number {
  const { asks } = ask;
  let lift = 0;
  const genres = asks.genres.size > 0 ? asks.genres : ask.referenceGenres;
  if (genres.size > 0) {
    const shared = [...genres].filter((g) => labels.genres.includes(g)).length;
    lift += ((GENRE_LIFT * shared) / genres.size) * (asks.genres.size > 0 ? 1 : 0.6);
  }
  if (asks.themes.size > 0) {
    const shared = [...asks.themes].filter((t) => labels.themes.includes(t)).length;
    lift += (THEME_LIFT * shared) / asks.themes.size;
  }
  if (asks.demographics.has(labels.demographic)) lift += DEMOGRAPHIC_LIFT;
  if (asks.statuses.has(labels.status)) lift += STATUS_LIFT;
  const describes =
    genres.size + asks.themes.size + asks.demographics.size + asks.statuses.size > 0;
  if (describes && !ask.namesSeries) lift += (POPULARITY_PRIOR * labels.popularity) / 100;
  return ask.titleQuery ? lift * TITLE_QUERY_DAMPING : lift;
}
