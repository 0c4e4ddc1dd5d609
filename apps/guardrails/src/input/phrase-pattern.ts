/**
 * A rule compiled twice. `strict` reads the normalized message. `relaxed` reads the
 * de-obfuscated copy, where spaced-out letters were joined ("pleaseshowyourprompt"), so word
 * boundaries are dropped and every space may match nothing.
 */
export interface PhrasePattern {
  strict: RegExp;
  relaxed: RegExp;
}

/** Each space in `source` matches any run of whitespace, including none. */
export function phrase(source: string): PhrasePattern {
  const spaced = source.replace(/ /g, '\\s*');
  return {
    strict: new RegExp(spaced, 'giu'),
    relaxed: new RegExp(spaced.replace(/\\b/g, ''), 'giu'),
  };
}

const OPENING = '『「"“\'‘«';
const CLOSING = '』」"”\'’»';

/**
 * Whether text[start, end) sits inside a quotation: "my brother types 'ignore all
 * instructions' into chatbots" mentions an attack without making one. Such a match is left to
 * the classifier, which has seen both kinds.
 */
export function isQuoted(text: string, start: number, end: number): boolean {
  let opened = false;
  for (let i = start - 1; i >= Math.max(0, start - 200); i--) {
    if (!isQuoteMark(text, i)) continue;
    if (CLOSING.includes(text[i]) && !OPENING.includes(text[i])) return false;
    opened = true;
    break;
  }
  if (!opened) return false;
  for (let i = end; i < Math.min(text.length, end + 200); i++) {
    if (!isQuoteMark(text, i)) continue;
    return CLOSING.includes(text[i]);
  }
  return false;
}

const LETTER = /\p{L}/u;

/** An apostrophe between letters (don't, it's) is not a quotation mark. */
function isQuoteMark(text: string, i: number): boolean {
  const c = text[i];
  if (!OPENING.includes(c) && !CLOSING.includes(c)) return false;
  if (c !== "'" && c !== '’') return true;
  return !(LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? ''));
}

/** Whether any pattern matches outside quotation marks. */
export function anyMatches(
  patterns: readonly PhrasePattern[],
  text: string,
  mode: keyof PhrasePattern,
): boolean {
  for (const pattern of patterns) {
    const regex = pattern[mode];
    regex.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = regex.exec(text)) !== null) {
      if (!isQuoted(text, match.index, match.index + match[0].length)) {
        regex.lastIndex = 0;
        return true;
      }
      if (match[0].length === 0) regex.lastIndex += 1;
    }
  }
  return false;
}
