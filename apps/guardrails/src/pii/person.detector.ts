import type { PiiCandidate, PiiDetector } from './pii-detector';
import { isNonNameToken, NON_NAME_WORDS_EN } from './person-name.exclusions';
import { ENGLISH_GIVEN_NAMES, JAPANESE_SURNAMES } from './person-name.lexicon';
import { NOT_A_GIVEN_NAME } from './person-name.shape';
import { resolveOverlaps } from './overlap-resolution';
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
  `(?:(${HAN}{1,4}) )?(${HAN}{1,6}|${KATAKANA}{2,12}|${HIRAGANA}{2,8}) ?(?:(様)(?![々子式相])|(さん)|(くん)|(ちゃん)|(殿)(?![堂下方様]))`,
  'dgu',
);
// A clause boundary before a hiragana name; without it particles glue onto the token.
const HIRAGANA_LEFT_BOUNDARY = /[\s、。,.!?！？「『(（:：]/u;

// Accented and Irish forms too: Chloé, Fernández, O'Brien.
const CAP = "\\p{Lu}\\p{Ll}*(?:['’]\\p{Lu})?\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
const MY_NAME_EN = new RegExp(`\\b[Mm]y (?:full )?name is (${CAP}(?: ${CAP}){0,2})`, 'dgu');
const I_AM_EN = new RegExp(`\\b(?:I'm|I’m|I am|Im) (${CAP} ${CAP})\\b`, 'dgu');
const SIGN_OFF_EN = new RegExp(
  `(?:^|[\\s.!?])(?:Thanks|Thank you|Thx|Many thanks|Thanks again|Regards|Best regards|Kind regards|Warm regards|Best|Cheers|Sincerely|Yours truly|Yours)[,!.]? (${CAP}(?: ${CAP})?)[.!]?(?=\\s*$|\\s+[\\d+(]|\\s+\\S+@)`,
  'dgu',
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

// A known surname, optionally followed by a given name of one to three kanji, in a context
// that only a person fits: a self-introduction (佐藤です), an account holder (池田大輔名義),
// a possessive of personal data (山田のマイナンバー), or a sign-off after a greeting. The cue is
// found first and the name looked up around it: one regex alternating 300 surnames over every
// kanji of a message would cost more than all other detectors together.
const AFTER_NAME_CUE =
  /(?:です|でございます|と申します|と言います|といいます|名義|宛て|宛に|宛(?= |$)|あて|様|の(?:マイナンバー|個人番号|電話|携帯|住所|メール|アドレス|カード|口座|注文|アカウント|会員番号|誕生日))/gu;
const SIGN_OFF_CUE =
  /(?:よろしく(?:お願い)?(?:します|いたします|致します|です)?|宜しくお願い(?:します|いたします|致します)|お願い(?:します|いたします|致します)|以上です|失礼します|ありがとうございます)[。!！]? ?/gu;
const HAN_CHAR = /[\p{Script=Han}々]/u;
const SURNAME_LENGTHS = [...new Set([...JAPANESE_SURNAMES].map((s) => s.length))].sort(
  (a, b) => b - a,
);
// First characters of the known surnames: most positions are ruled out without a slice.
const SURNAME_FIRST = new Set([...JAPANESE_SURNAMES].map((s) => s[0]));
const SPACES = [0, 1] as const;
// "夫の菊池が受け取ります", "名前を松浦理沙に変えたい": a relative, or a name being set.
const RELATIVE_JA =
  /(?:夫|妻|主人|旦那|嫁|息子|娘|父|母|兄|姉|弟|妹|友人|友達|同僚|上司|家族|祖母|祖父|彼氏|彼女|婚約者)の$/u;
const NAME_CHANGE_JA = new RegExp(
  `(?:名前|氏名|宛名|受取人|名義)を(${HAN}{2,6}(?: ${HAN}{1,4})?)(?:に|へ)(?:変更|変え|修正|して|直し)`,
  'dgu',
);
const AFTER_RELATIVE_CUE = /(?:が|は|に|へ|と|宛|です|、)/u;
// "注文した鷲尾です", "先日お電話した真壁と申します": who did something, introducing themselves;
// the name needs no lexicon here.
const DID_THEN_NAME_JA = new RegExp(
  `(?:注文した|購入した|予約した|電話した|連絡した|問い合わせた|問い合わせをした|申し込んだ|メールした|返品した|担当の|先日の)(${HAN}{2,4})(?:です|と申します|でございます|といいます)`,
  'dgu',
);
const HOLDER_JA = new RegExp(
  `(?:名義|氏名|お名前|名前|なまえ|受取人|受け取り人|宛名|購入者名|注文者)(?:は|が|:|：)? ?(${HAN}{2,6}(?: ${HAN}{1,4})?)(?!${HAN})`,
  'dgu',
);

const FIRST_NAME_EN = '[A-Z][a-z]+(?:-[A-Z][a-z]+)?';
// "Gift for Olivia Sato", "This is Hannah", "send it to Kenji": a known given name after a cue.
const GIVEN_NAME_CUE = new RegExp(
  `\\b(?:[Ff]or|[Tt]o|[Ff]rom|[Tt]his is|[Ii]t'?s|[Cc]all me|[Aa]sk for|[Nn]amed|[Cc]alled|[Dd]ear|[Hh]i|[Hh]ello|[Aa]ttn:?) (${FIRST_NAME_EN}(?: ${CAP})?)\\b`,
  'dgu',
);
// "Hello, Grace Lee here." and "love from Takumi Ono": a self-identification or a closing
// that only a name fits, so no lexicon is needed.
const NAME_HERE_EN = new RegExp(
  `(?:^|[\\s.!?])(?:[Hh]ello|[Hh]i|[Hh]ey|[Gg]ood (?:morning|afternoon|evening))[,!]? (${CAP}(?: ${CAP})?) here\\b`,
  'dgu',
);
const LOVE_FROM_EN = new RegExp(
  `\\b(?:[Ll]ove(?: from)?|[Bb]est wishes(?: from)?|[Ww]ith love(?: from)?|[Hh]ugs(?: from)?|[Ff]rom your friend)[,!]? (${CAP}(?: ${CAP})?)[.!]?\\s*$`,
  'dgu',
);
const LABELLED_EN = new RegExp(
  `\\b(?:[Cc]ard ?holder(?: name)?|[Nn]ame on (?:the )?card|(?:[Ff]ull |[Cc]ustomer |[Rr]egistered |[Ll]egal )?[Nn]ame|[Aa]ccount ?holder|[Hh]older|[Rr]ecipient|[Aa]ddressee|[Ss]ender|[Cc]ontact(?: person)?|[Bb]illing name|[Ss]hip to|[Aa]ttention|[Cc]/[Oo])\\s*[:：]\\s*(${CAP}(?: ${CAP}){0,2})`,
  'dgu',
);
// "my husband Ryan Mori", "my sister Chloe": a family member or friend named right after.
const RELATIVE_EN = new RegExp(
  `\\b[Mm]y (?:husband|wife|son|daughter|father|mother|dad|mom|mum|brother|sister|friend|colleague|coworker|partner|boss|roommate|neighbou?r|cousin|aunt|uncle|grandmother|grandfather|grandma|grandpa|girlfriend|boyfriend|fiancée?),? (${CAP}(?: ${CAP})?)\\b`,
  'dgu',
);
// "Change the recipient to Zoe Turner".
const RECIPIENT_EN = new RegExp(
  `\\b(?:recipient|addressee|receiver|name on the (?:order|parcel|package|account)) (?:to|is|as|should be|will be) (${CAP}(?: ${CAP}){0,2})`,
  'dgu',
);
// A signature: a capitalized full name right before the contact details that end a message.
const NAME_BEFORE_CONTACT_EN = new RegExp(
  `(?:^|[\\s.!?])(${CAP} ${CAP})(?=\\s+\\S+@\\S+\\s*$|\\s+\\+?[\\d(][\\d\\s()+-]{8,}\\s*$)`,
  'dgu',
);
// "put it in the name of Diego Patel", "registered under the name Yuna Okada".
const IN_THE_NAME_OF_EN = new RegExp(
  `\\b(?:in|under) the name(?: of)? (${CAP}(?: ${CAP}){0,2})`,
  'dgu',
);

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
    // Several cues can find the same name (私の名前は佐藤です): report it once.
    return resolveOverlaps([
      ...this.honorifics(text),
      ...this.english(text),
      ...this.japaneseIntroductions(text),
      ...this.knownSurnames(text),
      ...this.knownGivenNames(text),
    ]);
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

  private knownSurnames(text: string): PiiCandidate[] {
    if (!HAN_CHAR.test(text)) return [];
    const found: PiiCandidate[] = [];
    const accept = (start: number, end: number) => {
      if (end > start) found.push({ type: this.type, start, end });
    };
    for (const cue of text.matchAll(AFTER_NAME_CUE)) {
      // On a label the name often stands apart: "山田太郎 宛", "山田 様".
      const end =
        text[cue.index - 1] === ' ' && /^(?:宛|あて|様)/u.test(cue[0]) ? cue.index - 1 : cue.index;
      const name = nameEndingAt(text, end);
      if (name) accept(name.start, end);
    }
    for (const cue of text.matchAll(SIGN_OFF_CUE)) {
      const start = cue.index + cue[0].length;
      const end = nameStartingAt(text, start);
      // A sign-off name stands alone: what follows is a space, the end or contact details.
      if (end !== undefined && (end === text.length || /[ \n(（<]/.test(text[end]))) {
        accept(start, end);
      }
    }
    const holder = (m: RegExpExecArray): PiiCandidate | undefined => {
      const span = groupSpan(m, 1);
      if (!span || isNonNameToken(m[1])) return undefined;
      if (!JAPANESE_SURNAMES.has(m[1]) && NOT_A_GIVEN_NAME.test(m[1])) return undefined;
      return { type: this.type, ...span };
    };
    for (let i = 0; i < text.length; i++) {
      if (!isHan(text[i]) || isHan(text[i - 1])) continue;
      if (!RELATIVE_JA.test(text.slice(Math.max(0, i - 4), i))) continue;
      const end = nameStartingAt(text, i);
      if (end !== undefined && AFTER_RELATIVE_CUE.test(text[end] ?? '')) accept(i, end);
    }
    return [
      ...found,
      ...collectMatches(HOLDER_JA, text, holder),
      ...collectMatches(DID_THEN_NAME_JA, text, holder),
      ...collectMatches(NAME_CHANGE_JA, text, holder),
    ];
  }

  private knownGivenNames(text: string): PiiCandidate[] {
    if (!/[A-Z]/.test(text)) return [];
    const given = (m: RegExpExecArray): PiiCandidate | undefined => {
      const span = groupSpan(m, 1);
      const first = m[1].split(' ')[0].toLowerCase();
      if (!span || !ENGLISH_GIVEN_NAMES.has(first)) return undefined;
      const words = m[1].split(' ');
      // "for Kenji Please ..." : a second capitalized word that is an ordinary word is not a surname.
      if (words.length === 2 && NON_NAME_WORDS_EN.has(words[1].toLowerCase())) {
        return { type: this.type, start: span.start, end: span.start + words[0].length };
      }
      return { type: this.type, ...span };
    };
    const labelled = (m: RegExpExecArray): PiiCandidate | undefined => {
      const span = groupSpan(m, 1);
      if (!span || m[1].split(' ').some((w) => NON_NAME_WORDS_EN.has(w.toLowerCase()))) {
        return undefined;
      }
      return { type: this.type, ...span };
    };
    return [
      ...collectMatches(GIVEN_NAME_CUE, text, given),
      ...collectMatches(LABELLED_EN, text, labelled),
      ...collectMatches(NAME_HERE_EN, text, labelled),
      ...collectMatches(IN_THE_NAME_OF_EN, text, labelled),
      ...collectMatches(RELATIVE_EN, text, labelled),
      ...collectMatches(RECIPIENT_EN, text, labelled),
      ...collectMatches(NAME_BEFORE_CONTACT_EN, text, labelled),
      ...collectMatches(LOVE_FROM_EN, text, labelled),
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

function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN_CHAR.test(char);
}

function acceptableGiven(given: string): boolean {
  return given === '' || (!NOT_A_GIVEN_NAME.test(given) && !isNonNameToken(given));
}

/** A known surname (+ up to three kanji of given name, maybe after a space) ending at `end`. */
function nameEndingAt(text: string, end: number): { start: number } | undefined {
  // Cheap set lookups first; the given name is only validated for a surname that exists.
  for (let given = 3; given >= 0; given--) {
    for (const space of SPACES) {
      if (space === 1 && (given === 0 || text[end - given - 1] !== ' ')) continue;
      const givenStart = end - given;
      const surnameEnd = givenStart - space;
      for (const length of SURNAME_LENGTHS) {
        const start = surnameEnd - length;
        if (start < 0 || !SURNAME_FIRST.has(text[start])) continue;
        if (!JAPANESE_SURNAMES.has(text.slice(start, surnameEnd))) continue;
        if (isHan(text[start - 1])) continue;
        const givenPart = text.slice(givenStart, end);
        if ([...givenPart].some((c) => !isHan(c)) || !acceptableGiven(givenPart)) continue;
        return { start };
      }
    }
  }
  return undefined;
}

/** The end of a known surname (+ up to three kanji of given name) starting at `start`. */
function nameStartingAt(text: string, start: number): number | undefined {
  if (isHan(text[start - 1]) || !SURNAME_FIRST.has(text[start])) return undefined;
  for (const length of SURNAME_LENGTHS) {
    const surnameEnd = start + length;
    if (!JAPANESE_SURNAMES.has(text.slice(start, surnameEnd))) continue;
    let end = surnameEnd;
    const givenStart = text[end] === ' ' && isHan(text[end + 1]) ? end + 1 : end;
    let given = givenStart;
    while (given - givenStart < 3 && isHan(text[given])) given += 1;
    if (isHan(text[given])) return surnameEnd;
    if (given > givenStart && acceptableGiven(text.slice(givenStart, given))) end = given;
    return end;
  }
  return undefined;
}
