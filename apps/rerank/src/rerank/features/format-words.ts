/** Words that ask for an edition: English patterns on the lowercased text, Japanese match keys. */
export const FORMAT_WORDS: Readonly<
  Record<'print' | 'kindle', { en: RegExp; ja: readonly string[] }>
> = {
  kindle: { en: /\b(kindle|e-?books?|digital)\b/, ja: ['電子', 'きんどる'] },
  print: { en: /\b(print(ed)?|paperback|physical|paper|tankobon)\b/, ja: ['紙', '単行本'] },
};
