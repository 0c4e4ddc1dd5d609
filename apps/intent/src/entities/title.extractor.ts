import { weightedEditDistance } from './fuzzy-distance';
import { keyText, type KeyedText } from './keyed-text';
import {
  hasTitleCue,
  onWordBoundaries,
  standsApartInJapanese,
  writtenInCapitals,
  type Span,
} from './title-guards';
import { compareEntries, type TitleIndex, type TitleKeyEntry } from './title-index';

/** The series a message names: the mention as written and catalog ids, best first. */
export interface TitleMention {
  mention: string;
  ids: string[];
}

interface Candidate {
  /** Offsets into the key string. */
  keyStart: number;
  keyEnd: number;
  span: Span;
  entries: { entry: TitleKeyEntry; distance: number }[];
  fuzzy: boolean;
}

export const MAX_TITLE_IDS = 5;
/** One typo (or two misheard vowels, see fuzzy-distance.ts). */
const FUZZY_LIMIT = 1;
const MAX_WORDS_PER_WINDOW = 5;
const LATIN = /[a-z0-9]/;

/**
 * Finds catalog titles in a message. Exact key matches first, longest wins (ドラゴンボール超 is
 * not also ドラゴンボール); then one-typo matches of long Latin titles over whole words
 * ("jujutsu kaisenn"). Every match must pass the guards of title-guards.ts.
 */
export class TitleExtractor {
  // Entities and the classifier's title masking both read the same message, one after the other.
  private last?: { text: string; accepted: Candidate[] };

  constructor(private readonly index: TitleIndex) {}

  extract(text: string): TitleMention | undefined {
    const accepted = this.accepted(text);
    if (accepted.length === 0) return undefined;
    const ids: string[] = [];
    for (const candidate of accepted) {
      for (const { entry } of candidate.entries) {
        if (!ids.includes(entry.id)) ids.push(entry.id);
      }
    }
    const best = accepted[0];
    return {
      mention: text.slice(best.span.start, best.span.end),
      ids: ids.slice(0, MAX_TITLE_IDS),
    };
  }

  /** Every title mention in the text, in text order, as original offsets. */
  mentionSpans(text: string): Span[] {
    return this.accepted(text)
      .map((candidate) => candidate.span)
      .sort((a, b) => a.start - b.start);
  }

  /** Non-overlapping matches, best first: exact before fuzzy, longer before shorter. */
  private accepted(text: string): Candidate[] {
    if (this.last?.text === text) return this.last.accepted;
    const accepted = this.match(text);
    this.last = { text, accepted };
    return accepted;
  }

  private match(text: string): Candidate[] {
    const keyed = keyText(text);
    if (keyed.key.length === 0) return [];
    const accepted: Candidate[] = [];
    for (const candidate of this.exactCandidates(text, keyed)) {
      if (!accepted.some((a) => overlaps(a, candidate))) accepted.push(candidate);
    }
    for (const candidate of this.fuzzyCandidates(text, keyed)) {
      if (!accepted.some((a) => overlaps(a, candidate))) accepted.push(candidate);
    }
    return accepted;
  }

  /** Exact matches, longest first, then leftmost. */
  private exactCandidates(text: string, keyed: KeyedText): Candidate[] {
    const { key } = keyed;
    const found: Candidate[] = [];
    for (let start = 0; start < key.length; start++) {
      for (const length of this.index.lengths) {
        if (start + length > key.length) continue;
        const entries = this.index.get(key.slice(start, start + length));
        if (!entries) continue;
        const span = spanOf(keyed, text, start, start + length);
        const kept = entries.filter((entry) => accepts(text, span, entry));
        if (kept.length > 0) {
          found.push({
            keyStart: start,
            keyEnd: start + length,
            span,
            entries: kept.map((entry) => ({ entry, distance: 0 })),
            fuzzy: false,
          });
        }
      }
    }
    return found.sort(
      (a, b) => b.keyEnd - b.keyStart - (a.keyEnd - a.keyStart) || a.keyStart - b.keyStart,
    );
  }

  /** Windows of whole Latin words compared with long Latin keys, closest and longest first. */
  private fuzzyCandidates(text: string, keyed: KeyedText): Candidate[] {
    const found: Candidate[] = [];
    for (const window of latinWindows(keyed)) {
      const windowKey = keyed.key.slice(window.keyStart, window.keyEnd);
      if (windowKey.length > this.index.maxFuzzyLength + FUZZY_LIMIT) continue;
      const matches: { entry: TitleKeyEntry; distance: number }[] = [];
      for (
        let length = windowKey.length - FUZZY_LIMIT;
        length <= windowKey.length + FUZZY_LIMIT;
        length++
      ) {
        for (const key of this.index.fuzzyByLength.get(length) ?? []) {
          // A typo in both of the first two letters is rare; checking it skips most keys cheaply.
          if (key === windowKey || (key[0] !== windowKey[0] && key[1] !== windowKey[1])) continue;
          const distance = weightedEditDistance(windowKey, key, FUZZY_LIMIT);
          if (distance > FUZZY_LIMIT) continue;
          for (const entry of this.index.get(key) ?? []) matches.push({ entry, distance });
        }
      }
      if (matches.length === 0) continue;
      matches.sort((a, b) => a.distance - b.distance || compareEntries(a.entry, b.entry));
      found.push({
        ...window,
        span: spanOf(keyed, text, window.keyStart, window.keyEnd),
        entries: matches,
        fuzzy: true,
      });
    }
    return found.sort(
      (a, b) =>
        a.entries[0].distance - b.entries[0].distance ||
        b.keyEnd - b.keyStart - (a.keyEnd - a.keyStart) ||
        a.keyStart - b.keyStart,
    );
  }
}

function accepts(text: string, span: Span, entry: TitleKeyEntry): boolean {
  if (!onWordBoundaries(text, span, entry.key)) return false;
  if (!standsApartInJapanese(text, span, entry.key)) return false;
  if (entry.key.length <= 2 && /^[a-z0-9]+$/.test(entry.key) && !writtenInCapitals(text, span))
    return false;
  return !entry.ambiguous || hasTitleCue(text, span);
}

const TRAILING_MARKS = /[ー〜～ｰ]/u;

/**
 * The original span of key offsets. Long vowel marks fold to nothing, so ハイキュー would end
 * at ュ; the mention is extended over them to read as written.
 */
function spanOf(keyed: KeyedText, text: string, keyStart: number, keyEnd: number): Span {
  let end = keyed.end[keyEnd - 1];
  while (end < text.length && TRAILING_MARKS.test(text[end])) end += 1;
  return { start: keyed.start[keyStart], end };
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.keyStart < b.keyEnd && b.keyStart < a.keyEnd;
}

/**
 * Runs of 1..5 consecutive Latin words in the key, as key offsets. Words are split where the
 * original text had a gap (space, punctuation) between two key characters.
 */
function latinWindows(keyed: KeyedText): { keyStart: number; keyEnd: number; fuzzy: boolean }[] {
  const words: { start: number; end: number }[] = [];
  const { key, start, end } = keyed;
  for (let i = 0; i < key.length; i++) {
    if (!LATIN.test(key[i])) continue;
    const continues =
      i > 0 && LATIN.test(key[i - 1]) && (start[i] === end[i - 1] || start[i] === start[i - 1]);
    const last = words[words.length - 1];
    if (continues && last && last.end === i) last.end = i + 1;
    else words.push({ start: i, end: i + 1 });
  }
  const windows: { keyStart: number; keyEnd: number; fuzzy: boolean }[] = [];
  for (let first = 0; first < words.length; first++) {
    for (let last = first; last < Math.min(words.length, first + MAX_WORDS_PER_WINDOW); last++) {
      // Words separated by Japanese text belong to different phrases.
      if (last > first && words[last].start !== words[last - 1].end) break;
      windows.push({ keyStart: words[first].start, keyEnd: words[last].end, fuzzy: true });
    }
  }
  return windows;
}
