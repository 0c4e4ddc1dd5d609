import {
  DEMOGRAPHIC_LEXICON,
  GENRE_LEXICON,
  STATUS_LEXICON,
  THEME_LEXICON,
  allLabels,
  asksForSimilar,
  labelsInText,
} from '@mangaassist/text';

/** What a query asks for besides words: similar series, genres, themes, audience, status. */
export interface QueryAsks {
  /** "something like X", 「Xみたいな」: the named series is a reference, not the answer. */
  similar: boolean;
  genres: ReadonlySet<string>;
  /** THEME_LEXICON labels ("vampire", "baseball"). */
  themes: ReadonlySet<string>;
  demographics: ReadonlySet<string>;
  statuses: ReadonlySet<string>;
}

export function queryAsks(text: string): QueryAsks {
  return {
    similar: asksForSimilar(text),
    genres: allLabels(labelsInText(GENRE_LEXICON, text)),
    themes: allLabels(labelsInText(THEME_LEXICON, text)),
    demographics: allLabels(labelsInText(DEMOGRAPHIC_LEXICON, text)),
    statuses: allLabels(labelsInText(STATUS_LEXICON, text)),
  };
}
