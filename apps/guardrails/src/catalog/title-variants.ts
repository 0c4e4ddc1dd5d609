import { normalizeText } from '@mangaassist/text';

// A decoration enclosed in its own delimiters at the end: NARUTO -ナルト-, マッシュル-MASHLE-,
// るろうに剣心―明治剣客浪漫譚―, 無職転生 〜異世界行ったら本気だす〜, 呪術廻戦≡(モジュロ).
const TRAILING_DECORATION = /\s*(?:-[^-]+-|―[^―]+―|〜[^〜]+〜|~[^~]+~|≡?\([^)]*\))\s*$/u;
const LETTER = /\p{L}/gu;

/**
 * The ways an answer writes a catalog title: as listed, without trailing decorations, without
 * brackets (【推しの子】), and the main title before a subtitle (Demon Slayer: Kimetsu no Yaiba).
 * A hyphen inside a title (One-Punch Man, Akane-banashi) is not a decoration.
 */
export function titleVariants(title: string): string[] {
  const full = normalizeText(title);
  const variants = new Set<string>([full]);
  variants.add(full.replace(/[【】]/g, '').trim());
  let stripped = full;
  for (let next = stripped.replace(TRAILING_DECORATION, ''); next !== stripped && next;) {
    stripped = next;
    variants.add(stripped);
    next = stripped.replace(TRAILING_DECORATION, '');
  }
  const subtitled = /^(.+?):\s.+$/u.exec(full);
  if (subtitled) variants.add(subtitled[1].trim());
  // Derived forms need two letters of their own; the listed title is always kept.
  return [...variants].filter((v) => v === full || (v.match(LETTER)?.length ?? 0) >= 2);
}

/** Fewer than two letters (チ。) is too little to recognise without quotes. */
export function tooShortToMatchBare(key: string): boolean {
  return (key.match(LETTER)?.length ?? 0) < 2;
}
