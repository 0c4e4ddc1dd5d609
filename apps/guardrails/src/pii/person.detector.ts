import type { PiiCandidate, PiiDetector } from './pii-detector';
import { isNonNameToken, NON_NAME_WORDS_EN } from './person-name.exclusions';
import { collectMatches, groupSpan } from './text-span';

const HAN = '[\\p{Script=Han}々]';
const KATAKANA = '[\\p{Script=Katakana}ー・]';
const HIRAGANA = '[\\p{Script=Hiragana}ー]';

/**
 * A name before an honorific: up to 6 kanji (surname and given name written together), 2-12
 * katakana, or 2-8 hiragana; an optional surname before a space (山田 太郎様). The lookaheads drop
 * 様々/様子/様式 and 殿堂, which are words, not honorifics.
 */
const HONORIFIC = new RegExp(
  `(?:(${HAN}{1,4}) )?(${HAN}{1,6}|${KATAKANA}{2,12}|${HIRAGANA}{2,8})(?:(様)(?![々子式相])|(さん)|(くん)|(ちゃん)|(殿)(?![堂下方様]))`,
  'dgu',
);
// A clause boundary before a hiragana name; without it particles glue onto the token.
const HIRAGANA_LEFT_BOUNDARY = /[\s、。,.!?！？「『(（:：]/u;

const CAP = "[A-Z][a-z]+(?:[-'][A-Za-z]+)?";
const MY_NAME_EN = new RegExp(`\\b[Mm]y (?:full )?name is (${CAP}(?: ${CAP}){0,2})`, 'dg');
const I_AM_EN = new RegExp(`\\b(?:I'm|I’m|I am|Im) (${CAP} ${CAP})\\b`, 'dg');
const SIGN_OFF_EN = new RegExp(
  `(?:^|[\\s.!?])(?:Thanks|Thank you|Thx|Many thanks|Thanks again|Regards|Best regards|Kind regards|Warm regards|Best|Cheers|Sincerely|Yours truly|Yours)[,!.]? (${CAP}(?: ${CAP})?)[.!]?\\s*$`,
  'dg',
);
const DASH_SIGN = new RegExp(
  `(?:^|\\s)(?:[—–―]{1,2}|-{1,2}) ?(${CAP}(?: ${CAP})?|${HAN}{1,6}|${KATAKANA}{2,12})[.!。]?\\s*$`,
  'dgu',
);
const JA_NAME = `${HAN}{1,6}(?: ${HAN}{1,4})?|${KATAKANA}{2,12}|${CAP}(?: ${CAP})?`;
const MY_NAME_JA = new RegExp(
  `(?:私|わたし|僕|ぼく|俺|おれ|自分)の(?:名前|氏名)は ?(${JA_NAME}|${HIRAGANA}{2,8})`,
  'dgu',
);
const MOUSHIMASU = new RegExp(`(${JA_NAME}) ?と申します`, 'dgu');

function isKanji(token: string): boolean {
  return /^[\p{Script=Han}々]+$/u.test(token);
}

function isHiragana(token: string): boolean {
  return /^[\p{Script=Hiragana}ー]+$/u.test(token);
}

const SAME_SCRIPT: readonly RegExp[] = [
  /[\p{Script=Han}々]/u,
  /[\p{Script=Katakana}ー・]/u,
  /[\p{Script=Hiragana}ー]/u,
];

/** Where the run of characters in the token's script that ends with the token begins. */
function scriptRunStart(text: string, tokenStart: number, token: string): number {
  const script = SAME_SCRIPT.find((pattern) => pattern.test(token[0]));
  if (!script) return tokenStart;
  let start = tokenStart;
  while (start > 0 && script.test(text[start - 1])) start -= 1;
  return start;
}

export class PersonDetector implements PiiDetector {
  readonly type = 'PERSON' as const;

  detect(text: string): PiiCandidate[] {
    return [...this.honorifics(text), ...this.english(text), ...this.japaneseIntroductions(text)];
  }

  private honorifics(text: string): PiiCandidate[] {
    if (!/[様殿]|さん|くん|ちゃん/.test(text)) return [];
    return collectMatches(HONORIFIC, text, (m) => {
      const token = m[2];
      const tokenSpan = groupSpan(m, 2);
      if (!tokenSpan || isNonNameToken(token)) return undefined;
      // The whole run of the token's script decides: スタッフさん must not yield タッフ, nor
      // ご主人様 yield 人, once the longer word was rejected.
      const runStart = scriptRunStart(text, tokenSpan.start, token);
      if (runStart < tokenSpan.start) {
        if (!isKanji(token)) return undefined;
        if (isNonNameToken(text.slice(runStart, tokenSpan.end))) return undefined;
      }
      const after = text[m.index + m[0].length] ?? '';
      const oneKanjiOrKana = (isKanji(token) && token.length === 1) || isHiragana(token);
      // 届くんです / 行くんだ / 聞くんじゃ: a verb ending in く, not a boy's name.
      if (m[5] && oneKanjiOrKana && /[でだじ]/.test(after)) return undefined;
      // ちゃんと means "properly" (全部ちゃんと届いた).
      if (m[6] && after === 'と') return undefined;
      const before = text[tokenSpan.start - 1];
      if (isHiragana(token) && before !== undefined && !HIRAGANA_LEFT_BOUNDARY.test(before)) {
        return undefined;
      }
      const surname = groupSpan(m, 1);
      const start = surname && !isNonNameToken(m[1]) ? surname.start : tokenSpan.start;
      return { type: this.type, start, end: tokenSpan.end };
    });
  }

  private english(text: string): PiiCandidate[] {
    if (!/[A-Z]/.test(text)) return [];
    const nameSpan = (m: RegExpExecArray): PiiCandidate | undefined => {
      const span = groupSpan(m, 1);
      if (!span) return undefined;
      const words = m[1].split(' ');
      if (words.some((w) => NON_NAME_WORDS_EN.has(w.toLowerCase()))) return undefined;
      return { type: this.type, ...span };
    };
    return [
      ...collectMatches(MY_NAME_EN, text, nameSpan),
      ...collectMatches(I_AM_EN, text, nameSpan),
      ...collectMatches(SIGN_OFF_EN, text, nameSpan),
      ...collectMatches(DASH_SIGN, text, nameSpan),
    ];
  }

  private japaneseIntroductions(text: string): PiiCandidate[] {
    if (!/名前|氏名|申します/.test(text)) return [];
    const nameSpan = (m: RegExpExecArray): PiiCandidate | undefined => {
      const span = groupSpan(m, 1);
      if (!span || isNonNameToken(m[1])) return undefined;
      return { type: this.type, ...span };
    };
    return [
      ...collectMatches(MY_NAME_JA, text, nameSpan),
      ...collectMatches(MOUSHIMASU, text, nameSpan),
    ];
  }
}
