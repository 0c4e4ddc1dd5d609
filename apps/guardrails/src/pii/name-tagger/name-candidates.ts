import { ENGLISH_GIVEN_NAMES } from '../person-name.lexicon';
import type { TextSpan } from '../text-span';

const HAN = /[\p{Script=Han}々ヶケノ]/u;
const HIRAGANA = /[\p{Script=Hiragana}ー]/u;
const KATAKANA = /[\p{Script=Katakana}ー・=＝]/u;
const LATIN_WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*/gu;
// Particles that glue onto a hiragana name on either side (友達のまりちゃんと).
const LEADING_PARTICLES = ['の', 'と', 'は', 'が', 'に', 'を', 'も', 'へ', 'や'];
const TRAILING_PARTS = [
  'ちゃん',
  'くん',
  'さん',
  'さま',
  'です',
  'だよ',
  'って',
  'に',
  'へ',
  'が',
  'は',
  'と',
  'の',
  'も',
  'を',
  'で',
];
const MAX_RUN = 8;

/** Candidate spans for a person's name: script runs and their likely name-sized pieces. */
export function nameCandidates(text: string): TextSpan[] {
  const found = new Map<string, TextSpan>();
  const add = (start: number, end: number) => {
    if (end > start && end - start <= 24) found.set(`${start}:${end}`, { start, end });
  };
  japaneseCandidates(text, add);
  latinCandidates(text, add);
  return [...found.values()];
}

function runEnd(text: string, start: number, pattern: RegExp): number {
  let end = start;
  while (end < text.length && pattern.test(text[end])) end += 1;
  return end;
}

function japaneseCandidates(text: string, add: (start: number, end: number) => void): void {
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (HAN.test(char)) {
      const end = runEnd(text, i, HAN);
      addKanjiRun(text, i, end, add);
      i = end;
    } else if (KATAKANA.test(char) && char !== 'ー') {
      let end = runEnd(text, i, KATAKANA);
      // "キム スヒョン", "サトウ ミホ": one space inside a katakana name.
      if (text[end] === ' ' && KATAKANA.test(text[end + 1] ?? '')) {
        add(i, end);
        end = runEnd(text, end + 1, KATAKANA);
      }
      add(i, end);
      i = end;
    } else if (HIRAGANA.test(char)) {
      const end = runEnd(text, i, HIRAGANA);
      addHiraganaRun(text, i, end, add);
      i = end;
    } else {
      i += 1;
    }
  }
}

function addKanjiRun(
  text: string,
  start: number,
  end: number,
  add: (start: number, end: number) => void,
): void {
  const length = end - start;
  if (length <= MAX_RUN) add(start, end);
  // Name-sized pieces at either end of a longer run (五十嵐のまま is whole; 様方冴木 is not).
  for (let n = 2; n <= Math.min(4, length - 1); n++) {
    add(start, start + n);
    add(end - n, end);
  }
  // 菊池ゆい, ふみ子: kanji with kana of the same name; 岡部 紗季, 一ノ瀬 かなで: a space inside.
  const kana = runEnd(text, end, HIRAGANA);
  for (let k = end + 1; k <= Math.min(kana, end + 3); k++) add(start, k);
  if (text[end] === ' ') {
    const next = end + 1;
    const after = HAN.test(text[next] ?? '')
      ? runEnd(text, next, HAN)
      : HIRAGANA.test(text[next] ?? '')
        ? runEnd(text, next, HIRAGANA)
        : runEnd(text, next, KATAKANA);
    for (let k = next + 1; k <= Math.min(after, next + 4); k++) add(start, k);
  }
  let kanaStart = start;
  while (kanaStart > 0 && HIRAGANA.test(text[kanaStart - 1]) && start - kanaStart < 3)
    kanaStart -= 1;
  if (kanaStart < start && end - start <= 2) add(kanaStart, end);
}

function addHiraganaRun(
  text: string,
  start: number,
  end: number,
  add: (start: number, end: number) => void,
): void {
  const run = text.slice(start, end);
  const lefts = [0, ...LEADING_PARTICLES.filter((p) => run.startsWith(p)).map((p) => p.length)];
  // Up to two parts come off the end: まりちゃんと -> まりちゃん -> まり.
  const rights = [0];
  for (const first of TRAILING_PARTS.filter((p) => run.endsWith(p))) {
    rights.push(first.length);
    const rest = run.slice(0, -first.length);
    for (const second of TRAILING_PARTS.filter((p) => rest.endsWith(p))) {
      rights.push(first.length + second.length);
    }
  }
  for (const left of lefts) {
    for (const right of rights) {
      const s = start + left;
      const e = end - right;
      if (e - s >= 2 && e - s <= 6) add(s, e);
    }
  }
  // "やまもと きぬえ": two hiragana words with a space.
  if (text[end] === ' ' && HIRAGANA.test(text[end + 1] ?? '')) {
    const second = runEnd(text, end + 1, HIRAGANA);
    for (const left of lefts) if (second - (start + left) <= 12) add(start + left, second);
  }
}

type WordShape = 'capitalized' | 'upper' | 'lower' | 'particle';

const PARTICLES = new Set([
  'da',
  'de',
  'del',
  'della',
  'di',
  'do',
  'dos',
  'das',
  'du',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'al',
  'el',
  'le',
  'la',
]);

function shapeOf(word: string): WordShape {
  if (PARTICLES.has(word)) return 'particle';
  if (/^\p{Lu}[\p{Lu}\p{M}'’.-]+$/u.test(word) && word.length > 2) return 'upper';
  if (/^\p{Lu}/u.test(word)) return 'capitalized';
  return 'lower';
}

/**
 * Single words and runs of up to four words of one kind, joined by a space: capitalized words
 * with initials and particles between them (Mateus Carvalho da Silva, A. J. Whitfield), words
 * in capitals (MARIA J. DELACRUZ), or two lower-case words (jake oconnor). A run never crosses
 * a sentence end.
 */
function latinCandidates(text: string, add: (start: number, end: number) => void): void {
  const words = [...text.matchAll(LATIN_WORD)].map((m) => {
    // An initial keeps its period ("J."); any other word ends before trailing punctuation.
    const raw = m[0];
    const word = /^\p{Lu}\.$/u.test(raw) ? raw : raw.replace(/[.'’-]+$/u, '');
    return { start: m.index, end: m.index + word.length, shape: shapeOf(word) };
  });
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (first.shape === 'particle') continue;
    // Lower-case words are everywhere in English; only a known name can start one ("jake").
    if (first.shape === 'lower' && !isKnownLatinName(text.slice(first.start, first.end))) continue;
    add(first.start, first.end);
    const maxWords = first.shape === 'lower' ? 2 : 4;
    for (let j = i + 1; j < Math.min(words.length, i + maxWords); j++) {
      const gap = text.slice(words[j - 1].end, words[j].start);
      if (gap !== ' ') break;
      const shape = words[j].shape;
      const fits =
        first.shape === 'lower'
          ? shape === 'lower'
          : shape === first.shape ||
            (shape === 'particle' && first.shape === 'capitalized') ||
            (first.shape === 'upper' &&
              /^\p{Lu}\.$/u.test(text.slice(words[j].start, words[j].end)));
      if (!fits) break;
      if (shape !== 'particle') add(first.start, words[j].end);
    }
  }
}

/** Casual messages start a name with the given name ("jake oconnor"), and family names in
 * lower case are mostly words (gray, wood, hill). */
function isKnownLatinName(word: string): boolean {
  return ENGLISH_GIVEN_NAMES.has(word.toLowerCase());
}
