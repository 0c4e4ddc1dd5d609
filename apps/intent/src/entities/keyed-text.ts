import { foldLatinDiacritics, matchKey } from '@mangaassist/text';

/**
 * A text folded to its matching key (see keyCharacters) with, for every key character, the
 * span of the original text it came from, so a match on the key can be reported as written.
 */
export interface KeyedText {
  key: string;
  /** UTF-16 offset in the original where key[i] starts. */
  start: number[];
  /** UTF-16 offset in the original just past the character key[i] came from. */
  end: number[];
}

const KEEP = /[\p{L}\p{N}]/u;
const COMBINING_SOUND_MARK: Record<string, string> = {
  '\u3099': '\u3099',
  '\u309a': '\u309a',
  '\u309b': '\u3099',
  '\u309c': '\u309a',
};
const folded = new Map<string, string>();

/**
 * The key form of one code point: matchKey (NFKC, lowercase, hiragana, large kana, no long
 * vowel marks), Latin diacritics dropped (Pīsu = Pisu), × read as x (SPY×FAMILY), and only
 * letters and digits kept, so spacing and punctuation never decide a title match.
 */
function keyCharacters(char: string): string {
  const cached = folded.get(char);
  if (cached !== undefined) return cached;
  const mark = COMBINING_SOUND_MARK[char] ?? COMBINING_SOUND_MARK[char.normalize('NFKC')];
  let result: string;
  if (mark) {
    result = mark;
  } else {
    const key = matchKey(foldLatinDiacritics(char)).replace(/×/g, 'x');
    result = [...key].filter((c) => KEEP.test(c)).join('');
  }
  if (folded.size < 50_000) folded.set(char, result);
  return result;
}

export function keyText(text: string): KeyedText {
  const keyChars: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  for (const char of text) {
    const charEnd = offset + char.length;
    const key = keyCharacters(char);
    if (key === '\u3099' || key === '\u309a') {
      // Half-width ﾊﾟ arrives as two characters; fold the mark into the kana before it.
      const last = keyChars.length - 1;
      const composed = last >= 0 ? (keyChars[last] + key).normalize('NFC') : '';
      if (composed.length === 1) {
        keyChars[last] = composed;
        end[last] = charEnd;
      }
    } else {
      // Code units, not code points, so that key offsets and these arrays stay aligned.
      for (let i = 0; i < key.length; i++) {
        keyChars.push(key[i]);
        start.push(offset);
        end.push(charEnd);
      }
    }
    offset = charEnd;
  }
  return { key: keyChars.join(''), start, end };
}

/** The key of a catalog title or alias: the same folding, without the offsets. */
export function titleKey(text: string): string {
  return keyText(text).key;
}
