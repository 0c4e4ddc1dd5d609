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
    strict: new RegExp(spaced, 'iu'),
    relaxed: new RegExp(spaced.replace(/\\b/g, ''), 'iu'),
  };
}

export function anyMatches(
  patterns: readonly PhrasePattern[],
  text: string,
  mode: keyof PhrasePattern,
): boolean {
  return patterns.some((p) => p[mode].test(text));
}
