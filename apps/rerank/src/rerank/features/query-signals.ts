import { Format, Intent } from '@mangaassist/contracts';
import {
  GENRE_LEXICON,
  POLICY_TOPIC_LEXICON,
  THEME_LEXICON,
  allLabels,
  asksForSimilar,
  compactKey,
  foldForSearch,
  lexicalTokens,
  labelsInText,
  matchKey,
  normalizeText,
} from '@mangaassist/text';
import type { RerankQuery } from '../reranker';
import { FORMAT_WORDS } from './format-words';

export type KindName = 'item' | 'policy';
export type FormatName = 'print' | 'kindle';

/** Everything the features need from the question, computed once per request. */
export interface QuerySignals {
  /** The question, normalized and lowercased. */
  text: string;
  /** compactKey of the query, for title matching. */
  compact: string;
  /** Every run of up to six consecutive query words joined without spaces ("one piece" -> onepiece). */
  wordRuns: ReadonlySet<string>;
  /** Stemmed English words. */
  words: ReadonlySet<string>;
  /** THEME_LEXICON labels the question names ("vampire", 「野球」 -> baseball). */
  themes: ReadonlySet<string>;
  /** "something like X", 「Xみたいな」: a named series is a reference, not the answer. */
  similar: boolean;
  volume?: number;
  format?: FormatName;
  /** Genre labels asked for in English words (thriller -> mystery, psychological). */
  genresEn: ReadonlySet<string>;
  /** Genre labels asked for in Japanese words (ホラー -> horror). */
  genresJa: ReadonlySet<string>;
  /** Policy topics the question mentions (送料 -> shipping). */
  topics: ReadonlySet<string>;
  preferredKind?: KindName;
  /** 1 when the intent says which kind; 0.5 when only policy words in the question hint at it. */
  kindStrength: number;
  /** Position of each entity title id, 0 for the best. */
  titleRank: ReadonlyMap<string, number>;
}

const POLICY_INTENTS: ReadonlySet<Intent> = new Set([
  Intent.RETURN_REFUND,
  Intent.SHIPPING_DELIVERY,
  Intent.ACCOUNT_PAYMENT,
  Intent.HUMAN_HANDOFF,
]);
const ITEM_INTENTS: ReadonlySet<Intent> = new Set([
  Intent.PRODUCT_SEARCH,
  Intent.PRODUCT_QUESTION,
  Intent.AVAILABILITY_PRICE,
  Intent.RELEASE_PREORDER,
]);
const MAX_WORD_RUN = 6;

export function querySignals(query: RerankQuery): QuerySignals {
  const key = matchKey(query.text);
  const words = lexicalTokens(foldForSearch(query.text)).filter((w) => /^[a-z0-9]+$/.test(w));
  const genres = labelsInText(GENRE_LEXICON, query.text);
  const keyWords = key.split(' ').filter(Boolean);
  const wordRuns = new Set<string>();
  for (let i = 0; i < keyWords.length; i++) {
    let run = '';
    for (let j = i; j < Math.min(keyWords.length, i + MAX_WORD_RUN); j++) {
      run += keyWords[j];
      wordRuns.add(run);
    }
  }
  const topics = allLabels(labelsInText(POLICY_TOPIC_LEXICON, query.text));
  const intentKind = POLICY_INTENTS.has(query.intent)
    ? 'policy'
    : ITEM_INTENTS.has(query.intent)
      ? 'item'
      : undefined;
  // Without an intent, a question about shipping or returns still most likely wants a policy.
  const preferredKind = intentKind ?? (topics.size > 0 ? 'policy' : undefined);
  return {
    text: normalizeText(query.text).toLowerCase(),
    compact: compactKey(query.text),
    wordRuns,
    words: new Set(words),
    themes: allLabels(labelsInText(THEME_LEXICON, query.text)),
    similar: asksForSimilar(query.text),
    volume: query.volume > 0 ? query.volume : parseVolume(query.text),
    format: formatName(query.format) ?? parseFormat(query.text),
    genresEn: genres.en,
    genresJa: genres.ja,
    topics,
    preferredKind,
    kindStrength: intentKind ? 1 : preferredKind ? 0.5 : 0,
    titleRank: new Map(query.titleIds.map((id, i) => [id, i])),
  };
}

const VOLUME_PATTERNS = [
  /\bvol(?:ume)?s?\.?\s*#?(\d{1,4})\b/,
  /\b(\d{1,4})(?:st|nd|rd|th)\s+vol(?:ume)?\b/,
  // 「全23巻」 is a count of volumes, not a volume asked about.
  /(?:^|[^\d全\s])\s*第?\s*(\d{1,4})\s*巻/,
];

/** The volume number a question names: "vol 23", "volume 105", "23rd volume", 「23巻」, 「第3巻」. */
export function parseVolume(text: string): number | undefined {
  const normalized = normalizeText(text).toLowerCase();
  for (const pattern of VOLUME_PATTERNS) {
    const match = pattern.exec(normalized);
    const volume = match ? Number(match[1]) : 0;
    if (volume > 0) return volume;
  }
  return undefined;
}

/** The edition a question asks for, when it names exactly one: Kindle/電子 or print/紙. */
export function parseFormat(text: string): FormatName | undefined {
  const lower = normalizeText(text).toLowerCase();
  const key = matchKey(text);
  const asked = (['kindle', 'print'] as const).filter(
    (format) =>
      FORMAT_WORDS[format].en.test(lower) ||
      FORMAT_WORDS[format].ja.some((word) => key.includes(word)),
  );
  return asked.length === 1 ? asked[0] : undefined;
}

function formatName(format: Format): FormatName | undefined {
  if (format === Format.PRINT) return 'print';
  if (format === Format.KINDLE) return 'kindle';
  return undefined;
}
