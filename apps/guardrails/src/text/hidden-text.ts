/**
 * Characters that render as nothing and that normalizeText (NFKC + zero-width removal) keeps:
 * variation selectors, Unicode tag characters (U+E0000-E007F, "ASCII smuggling": each one
 * stands for an invisible ASCII character), the Mongolian vowel separator, the combining
 * grapheme joiner and the Hangul fillers.
 */
const TAG_CHARACTER = /[\u{E0000}-\u{E007F}]/gu;
const TAG_RUN = /[\u{E0020}-\u{E007E}]+/gu;
// U+034F combines with its neighbour, so it stands outside the class.
const OTHER_INVISIBLE = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u180E\u115F\u1160\u3164\uFFA0]|\u034F/gu;

// Subdivision flags (England, Scotland, Wales) are a black flag followed by a short tag
// sequence such as "gbsct": legitimate emoji, too short to carry an instruction.
const FLAG_TAG_SEQUENCE = /^[a-z0-9]{1,7}$/;

/** The ASCII text smuggled in tag characters, one string per run of them. */
export function decodeTagCharacters(text: string): string[] {
  if (!/[\uDB40]/.test(text)) return [];
  return [...text.matchAll(TAG_RUN)]
    .map((m) =>
      [...m[0]].map((c) => String.fromCharCode((c.codePointAt(0) ?? 0xe0020) - 0xe0000)).join(''),
    )
    .filter((payload) => !FLAG_TAG_SEQUENCE.test(payload));
}

/** The text without any of the invisible characters above. */
export function stripInvisible(text: string): string {
  return text.replace(TAG_CHARACTER, '').replace(OTHER_INVISIBLE, '');
}
