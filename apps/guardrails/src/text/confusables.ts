/**
 * Length-preserving folding of look-alike characters, so that every offset found in the folded
 * copy is also an offset into the text it came from. NFKC (in normalizeText) has already
 * turned full-width and mathematical letters and digits into ASCII; what it leaves are letters
 * of other scripts that look Latin, digits of other scripts, and digits written as letters.
 */

// Cyrillic, Greek and Latin-extension letters that render like ASCII letters in common fonts.
// prettier-ignore
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
  х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ѵ: 'v', ү: 'y',
  ɡ: 'g', ʏ: 'y', А: 'A', В: 'B', Е: 'E', Ё: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P',
  С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ї: 'I', Ј: 'J', Ѕ: 'S', Ԛ: 'Q', Ԝ: 'W', Ү: 'Y', Ӏ: 'I',
  // Greek
  α: 'a', β: 'b', γ: 'y', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ϲ: 'c', ϳ: 'j', ω: 'w', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N',
  Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', Ϲ: 'C',
  // Latin look-alikes outside ASCII
  ı: 'i', ȷ: 'j', ɑ: 'a', ɩ: 'i', ʟ: 'l', ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɢ: 'g', ʜ: 'h',
  ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u',
  ᴠ: 'v', ᴡ: 'w', ᴢ: 'z',
};
const HOMOGLYPH = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'gu');

// Decimal digits of other scripts in the Basic Multilingual Plane (one UTF-16 unit each):
// Arabic-Indic ٣, Devanagari ३, Thai ๓, ... NFKC leaves them alone.
const OTHER_DIGIT = /(?![0-9])[\p{Nd}]/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

function digitValue(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code > 0xffff) return char;
  // Unicode lays every decimal digit set out as ten consecutive code points starting at zero.
  let value = 0;
  while (value < 9 && DECIMAL_DIGIT.test(String.fromCharCode(code - value - 1))) value += 1;
  return String(value);
}

// Kanji numerals (〇九〇-一二三四-五六七八) are a way of writing a phone number that no digit
// pattern sees; runs of seven or more are numbers, not words.
const KANJI_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const KANJI_NUMBER_RUN =
  /[〇零一二三四五六七八九](?:[-‐‑‒–—―−ー.・ ]?[〇零一二三四五六七八九]){6,}/gu;

// Letters standing in for digits inside a number (O9O-1234-5678, 4l11 1111 1111 1111).
const LETTER_DIGITS: Readonly<Record<string, string>> = { O: '0', o: '0', l: '1', I: '1' };
const DIGITISH_RUN = /(?<![A-Za-z0-9])[0-9OolI](?:[-‐. ]?[0-9OolI]){5,}(?![A-Za-z0-9])/g;

function foldDigitishRun(run: string): string {
  const digits = run.replace(/[^0-9]/g, '').length;
  const letters = run.replace(/[^OolI]/g, '').length;
  if (letters === 0 || digits < 6 || letters * 3 > digits + letters) return run;
  return run.replace(/[OolI]/g, (c) => LETTER_DIGITS[c] ?? c);
}

/**
 * Folds look-alikes to what they imitate, one UTF-16 unit for one: Cyrillic/Greek letters to
 * Latin (іgnоrе -> ignore), other scripts' digits to ASCII (٠٩٠ -> 090), kanji numeral runs
 * and letter-for-digit substitutions inside numbers to digits. The result has the same length
 * as the input, so spans found in it apply to the input unchanged.
 */
export function foldConfusables(text: string): string {
  const folded = text
    .replace(HOMOGLYPH, (c) => HOMOGLYPHS[c] ?? c)
    .replace(OTHER_DIGIT, digitValue)
    .replace(KANJI_NUMBER_RUN, (run) =>
      run.replace(/[〇零一二三四五六七八九]/gu, (c) => KANJI_DIGITS[c] ?? c),
    )
    .replace(DIGITISH_RUN, foldDigitishRun);
  return folded;
}
