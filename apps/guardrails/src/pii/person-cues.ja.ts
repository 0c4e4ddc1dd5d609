import { isNonNameToken } from './person-name.exclusions';
import { isJapaneseName, looksLikeGivenName, looksLikeSurname } from './person-name.shape';
import { collectMatches, groupSpan, type TextSpan } from './text-span';

// ヶ, ケ and ノ sit inside surnames (桐ケ谷, 一ノ瀬).
const HAN = '[\\p{Script=Han}々ヶケノ]';
const KATAKANA = '[\\p{Script=Katakana}ー]';
const HIRAGANA = '[\\p{Script=Hiragana}ー]';
const CAP = "\\p{Lu}\\p{Ll}*(?:['’]\\p{Lu})?\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
const KANJI_NAME = `${HAN}{2,6}(?: ${HAN}{1,4})?`;
// Shortest first, for cues followed by a word that could glue on (妻の真央名義).
const KANJI_NAME_LAZY = `${HAN}{2,6}?(?: ${HAN}{1,4})?`;
const KATAKANA_NAME = `${KATAKANA}{1,12}(?:[・=＝ ]${KATAKANA}{1,12}){0,3}`;
// A katakana name written the foreign way, with a dot or an equals sign between its parts.
const FOREIGN_KATAKANA_NAME = `${KATAKANA}{1,12}(?:[・=＝]${KATAKANA}{1,12}){1,3}`;
const KANJI_KANA_NAME = `${HAN}{1,4}(?:${HIRAGANA}{2,4}|${KATAKANA}{2,4})`;
const HIRAGANA_NAME = `${HIRAGANA}{2,5} ${HIRAGANA}{1,5}`;
const LATIN_NAME = `${CAP}(?: ${CAP}){0,2}`;
// Names on cards and forms are often in capitals: MASAHIRO KUBOTA.
const UPPER_NAME = `\\p{Lu}{2,}(?: \\p{Lu}{2,}){1,3}`;
const ANY_NAME = `${KANJI_NAME}|${KATAKANA_NAME}|${HIRAGANA_NAME}|${HAN}{1,4} ${HIRAGANA}{2,4}|${LATIN_NAME}`;
const RELATIVES =
  '夫|妻|主人|旦那|嫁|奥さん|息子|娘|長男|長女|次男|次女|孫|甥|姪|父|母|兄|姉|弟|妹|伯父|叔父|伯母|叔母|祖父|祖母|義父|義母|義兄|義姉|義弟|義妹|友人|友達|友だち|同僚|上司|部下|家族|彼氏|彼女|婚約者|いとこ|じいちゃん|ばあちゃん|おじいちゃん|おばあちゃん|父親|母親|義理の(?:兄|姉|弟|妹|父|母)';

/**
 * A field label that only a person's name follows: 宛先：谷口陽葵, 【注文者】天童 美月, 受取人氏名:
 * ジョナサン・ブルックス, 担当:日比野. Labels that can also take an address (送り先, 届け先) are not here.
 */
const LABELLED = new RegExp(
  `(?:宛先|宛名|名前|氏名|登録名|フルネーム|受取人|受け取り人|差出人|送り主|送付者|依頼主|依頼者|注文者|購入者|契約者|名義人|名義|担当者|担当|代表者|会員名|お客様名|申込者|本会員|登録者)(?:様)?\\s*[:：】]\\s*(${ANY_NAME})(?=\\s*$|[\\s、。,./／)）】」【(（]|様|さん|宛)`,
  'dgu',
);

/** 差出人の名前はKenji Morimotoに, 名義がイ・スンミンです: a kana or Latin name after a name word. */
const NAME_WORD_IS = new RegExp(
  `(?:名前|氏名|名義|宛名|宛先|受取人|受け取り人|差出人|注文者|契約者)(?:は|が|を)\\s*(${KATAKANA_NAME}|${LATIN_NAME}|${UPPER_NAME}|${KANJI_KANA_NAME}|${HAN}{1,2} ${HAN}{1,3})(?=に|で|です|と|、|,|\\s|$)`,
  'dgu',
);

/** The last sentence is only a name: …の件です。北村 / …でございます。 西園寺 / …096-372-1180 瀬戸口 / 蓮見まで. */
const SIGNATURE = new RegExp(
  `(?:^|[。．.！!？?、,]|[—–―]{1,2}|-{2}|[\\d)）]\\s)\\s*(${KANJI_NAME})\\s*(?:より|まで)?\\s*[。.]?\\s*$`,
  'dgu',
);

/** A name right after a closing formula: よろしくお願いします。 神楽坂凛 rin@example.jp */
const AFTER_SIGN_OFF = new RegExp(
  `(?:(?:よろしく|宜しく)(?:お願い)?(?:します|いたします|致します)?|お願い(?:します|いたします|致します)|以上です|ありがとうございます|ありがとうございました)[。!！]?\\s*(${KANJI_NAME})(?=\\s|$|[(（<])`,
  'dgu',
);

/** A message that opens with who is writing: 緑川です！, お世話になっております。紫藤と申します。 */
const OPENING = new RegExp(
  `^\\s*(?:(?:いつも)?(?:こんにちは|こんばんは|おはようございます|お世話になっております|お世話になります|お疲れ様です|おつかれさまです|はじめまして|初めまして|すみません|失礼します|夜分にすみません|もしもし|どうも)[、。,!！〜~ー\\s]*)?(${KANJI_NAME}|${KANJI_KANA_NAME})(?:です|でーす|だよ|っす|でございます|と申します|といいます|と言います)(?=[、。！!？?,.\\s〜~]|が|けど|けれど|$)`,
  'dgu',
);

/** "ラフル・シャルマといいます", "イ・スンミンと申します": a katakana name introducing itself. */
const KATAKANA_INTRODUCTION = new RegExp(
  `(${KATAKANA_NAME}) ?(?:と申します|といいます|と言います|っていいます|って言います)`,
  'dgu',
);

/** "ぼく、やまもとけんたです", "オレ、たかしっす", "わたしは しみず ななみ です": I am X. */
const I_AM = new RegExp(
  `(?:^|[\\s、。!！])(?:私|わたし|わたくし|僕|ぼく|俺|オレ|おれ|うち|あたし|自分)(?:、|は|,)\\s*(${KANJI_NAME}|${KANJI_KANA_NAME}|${HIRAGANA}{2,8}(?: ${HIRAGANA}{2,6})?|${KATAKANA_NAME})\\s*(?:です|だよ|だ|っす|でーす|と申します|といいます)`,
  'dgu',
);

/** "ジャン=ピエール・ルノワールです", "…留学しているアナスタシア・イワノワです": a foreign name introducing itself. */
const FOREIGN_NAME_IS = new RegExp(
  `(${FOREIGN_KATAKANA_NAME})(?:です|でございます|と申します|の名前|の名義|名義|様|さん)`,
  'dgu',
);

/** 「ヤマダ ハナコ」, サトウ ミホと入力: a katakana name written the way forms ask for it. */
const KATAKANA_FULL_NAME = new RegExp(
  `(?<![\\p{Script=Katakana}])(${KATAKANA}{2,6} ${KATAKANA}{2,6})(?=[」』]|と|で|です|様|さん|宛|名義|の名前)`,
  'dgu',
);

/** "私(吉岡)", "チャン・ウェイ(張偉)": who "I" am, or a name's kanji form, in brackets. */
const NAME_IN_BRACKETS_AFTER = new RegExp(
  `(?:私|わたし|僕|自分|本人|${FOREIGN_KATAKANA_NAME})[(（](${HAN}{1,4}(?: ${HAN}{1,3})?)[)）]`,
  'dgu',
);

/** "店主の百目鬼です", "営業部 剣持氏", "西園寺部長": a name with a role before or a title after. */
const ROLE_THEN_NAME = new RegExp(
  `(?:店主|担当|担当者|代表|店長|責任者|主任|部長|課長|社長|営業|係|マネージャー)の\\s?(${HAN}{2,5})(?:です|と申します|でございます)`,
  'dgu',
);
const NAME_WITH_TITLE = new RegExp(
  `(${HAN}{2,5})(?:部長|課長|係長|店長|主任|先輩)(?![\\p{Script=Han}])`,
  'dgu',
);
const NAME_WITH_UJI = new RegExp(
  `(?<![\\p{Script=Han}])(${HAN}{2,4})氏(?![\\p{Script=Han}])`,
  'dgu',
);

/** "本名の中村哲也で", "旧姓は寺岡": a real or former name. */
const REAL_NAME = new RegExp(
  `(?:本名|旧姓|実名|通称)(?:は|が|の|:|：)?\\s?(${KANJI_NAME})(?=で|です|に|と|、|。|\\s|$)`,
  'dgu',
);

/** "パク・ジユンの名前で", "山田花子名義で": a name just before the word for name. */
const NAME_BEFORE_NAME_WORD = new RegExp(
  `(${KATAKANA_NAME}|${KANJI_NAME})(?:の名前|という名前|って名前|名義)`,
  'dgu',
);

/** "じゃあまたね〜 みゆき", "ありがと! ゆうた": a hiragana name signing a casual message. */
const CASUAL_SIGNATURE = new RegExp(
  `(?:またね|じゃあね|ではでは|ありがとう|ありがと|よろしく|以上)[〜~ー!！。、]*\\s+(${HIRAGANA}{2,5}|${KATAKANA}{2,6})\\s*[。!！]?\\s*$`,
  'dgu',
);

/** "息子の紫藤颯に", "娘の結衣の", "妻の真央名義", "母のさいとう みのり宛て": a relative's name. */
const RELATIVE_NAME = new RegExp(
  `(?:${RELATIVES})[の・](${KANJI_NAME_LAZY}|${KANJI_KANA_NAME}|${HIRAGANA_NAME})(?=に|へ|が|は|と|の|も|を|宛|名義|です|、|\\s|[(（])`,
  'dgu',
);

/** "主人が白石、私は旧姓の堀内で": who the relative is, or a maiden name. */
const RELATIVE_IS = new RegExp(
  `(?:(?:${RELATIVES})(?:が|は)|旧姓(?:は|が|の)?)(${HAN}{2,4})(?=、|,|で|です|。|と|\\s|$)`,
  'dgu',
);

/** "うちの旦那(桑原 泰介)", "じいちゃん（葛西 源蔵）", "天童 颯(弟)": a name beside a relative word. */
const NAME_IN_BRACKETS = new RegExp(`(?:${RELATIVES})[(（](${ANY_NAME})[)）]`, 'dgu');
const NAME_BEFORE_RELATIVE = new RegExp(`(${KANJI_NAME})[(（](?:${RELATIVES})[)）]`, 'dgu');

/** 「長谷部 沙織」にしてください after 宛名を, 「伊集院 玲央」って名前で: a quoted name. */
const QUOTED_AFTER_LABEL = new RegExp(
  `(?:名前|氏名|宛名|名義|名字|苗字|ふりがな|フリガナ|読み|名札|表札|伝票)[^「『。]{0,15}[「『](${ANY_NAME})[」』]`,
  'dgu',
);
const QUOTED_BEFORE_LABEL = new RegExp(
  `[「『](${ANY_NAME})[」』](?:って|という|の|で)?(?:名前|名義|宛名|名字|苗字)`,
  'dgu',
);

/** "石動って名字", "上野 真由(うえの まゆ)": a surname being talked about, a name's reading. */
const NAME_AS_TOPIC = new RegExp(`(${HAN}{1,4})(?:って|という)(?:名字|苗字|名前)`, 'dgu');
const READING_AFTER_NAME = new RegExp(
  `${HAN}{1,4} ?${HAN}{1,3}[(（](${HIRAGANA}{2,6}(?: ${HIRAGANA}{1,6})?)[)）]`,
  'dgu',
);

/**
 * Surname and given name written with a space (澤村 莉子, 帯刀 誠, 塩谷 ふみ): Japanese text has
 * no spaces between words, so a kanji run, a space and a short given name is a full name when
 * the halves read as a surname and a given name.
 */
const SPACED_FULL_NAME = new RegExp(
  `(?<![\\p{Script=Han}々])(${HAN}{1,4}) (?:(${HAN}{1,3})(?![\\p{Script=Han}々])|(${HIRAGANA}{2,4})(?![\\p{Script=Hiragana}]))`,
  'dgu',
);

/** 御子柴先生, 菅野教授: a name before a title that only people carry. */
const TITLED = new RegExp(
  `(${HAN}{2,4})(?:先生|教授|氏|社長|監督|選手)(?![\\p{Script=Han}])`,
  'dgu',
);

type Accept = (m: RegExpExecArray) => TextSpan | undefined;
const RELATIVE_WORD = new RegExp(`(?:${RELATIVES}|旧姓)`, 'u');
const ENDS_WITH_KANJI = /[\p{Script=Han}々][\s。.]*(?:より|まで)?[\s。.]*$/u;

// 町 and 村 are left out: they end surnames too (木村, 町田, 野々村).
const ADDRESS_LIKE = /[都道府県市区郡]|丁目|番地|番号/u;
const DIGITS = /\d/u;

function spanOf(m: RegExpExecArray, group = 1): TextSpan | undefined {
  return groupSpan(m, group);
}

/** A name-looking value in a labelled or quoted place: anything but a role, an address or a number. */
function anyName(m: RegExpExecArray): TextSpan | undefined {
  const name = m[1];
  if (isNonNameToken(name) || ADDRESS_LIKE.test(name) || DIGITS.test(name)) return undefined;
  return spanOf(m);
}

/** A kanji run that reads as a name (a known or surname-shaped surname, maybe a given name). */
function kanjiName(m: RegExpExecArray): TextSpan | undefined {
  return isJapaneseName(m[1]) ? spanOf(m) : undefined;
}

/** A relative's name: a full or family name, a known given name alone, or a hiragana name. */
function relativeName(m: RegExpExecArray): TextSpan | undefined {
  const name = m[1];
  if (/^\p{Script=Hiragana}/u.test(name)) return name.includes(' ') ? spanOf(m) : undefined;
  if (isJapaneseName(name) || looksLikeGivenName(name)) return spanOf(m);
  const kanji = /^[\p{Script=Han}々]+/u.exec(name)?.[0] ?? '';
  if (kanji !== name && looksLikeSurname(kanji)) return spanOf(m);
  return undefined;
}

/** After 名前は/宛名を a kanji+kana value needs a surname in front (猪熊トメ, not 会社名にした). */
function labelledName(m: RegExpExecArray): TextSpan | undefined {
  const kanji = /^[\p{Script=Han}々]+/u.exec(m[1])?.[0] ?? '';
  const kana = m[1].slice(kanji.length);
  if (kanji && kana && !kana.startsWith(' ') && !looksLikeSurname(kanji)) return undefined;
  return anyName(m);
}

/** Before 名前/名義 a kanji run must read as a name; a katakana one must be written like one. */
function namedBeforeNameWord(m: RegExpExecArray): TextSpan | undefined {
  const name = m[1];
  if (/^\p{Script=Katakana}/u.test(name)) return /[・=＝ ]/u.test(name) ? anyName(m) : undefined;
  return isJapaneseName(name) ? spanOf(m) : undefined;
}

/** Japanese-text cues for a person's name beyond honorifics and introductions. */
export function findJapaneseNamesByCue(text: string): TextSpan[] {
  if (!/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(text)) return [];
  const spaced = (m: RegExpExecArray): TextSpan | undefined => {
    const [surname, given] = [m[1], m[2] ?? m[3]];
    if (isNonNameToken(surname) || ADDRESS_LIKE.test(surname)) return undefined;
    // A hiragana half (塩谷 ふみ) could as well be a word (送料 いくら): the surname must vouch.
    const surnameOk =
      looksLikeSurname(surname) ||
      (surname.length >= 2 && m[2] !== undefined && looksLikeGivenName(given));
    if (!surnameOk || !looksLikeGivenName(given)) return undefined;
    const start = spanOf(m, 1)?.start;
    const end = (spanOf(m, 2) ?? spanOf(m, 3))?.end;
    return start === undefined || end === undefined ? undefined : { start, end };
  };
  const titled = (m: RegExpExecArray): TextSpan | undefined =>
    looksLikeSurname(m[1]) ? spanOf(m) : undefined;
  const topic = (m: RegExpExecArray): TextSpan | undefined =>
    looksLikeSurname(m[1]) || m[1].length >= 2 ? anyName(m) : undefined;
  // Each rule runs only when its cue word or mark is in the text: most messages carry few.
  const rules: [cue: RegExp, pattern: RegExp, accept: Accept][] = [
    [/[:：】]/u, LABELLED, anyName],
    [
      /名前|氏名|名義|宛名|宛先|受取人|受け取り人|差出人|注文者|契約者/u,
      NAME_WORD_IS,
      labelledName,
    ],
    [ENDS_WITH_KANJI, SIGNATURE, kanjiName],
    [/です|でーす|だよ|っす|ございます|申します|いいます|言います/u, OPENING, kanjiName],
    [/よろしく|宜しく|お願い|以上です|ありがとう/u, AFTER_SIGN_OFF, kanjiName],
    [/申します|いいます|言います/u, KATAKANA_INTRODUCTION, anyName],
    [RELATIVE_WORD, RELATIVE_NAME, relativeName],
    [/私|わたし|わたくし|僕|ぼく|俺|オレ|おれ|うち|あたし|自分/u, I_AM, anyName],
    [/[・=＝]/u, FOREIGN_NAME_IS, anyName],
    [/\p{Script=Katakana} \p{Script=Katakana}/u, KATAKANA_FULL_NAME, anyName],
    [/[(（]/u, NAME_IN_BRACKETS_AFTER, anyName],
    [/です|申します|ございます/u, ROLE_THEN_NAME, anyName],
    [/部長|課長|係長|店長|主任|先輩/u, NAME_WITH_TITLE, kanjiName],
    [/氏/u, NAME_WITH_UJI, anyName],
    [/本名|旧姓|実名|通称/u, REAL_NAME, kanjiName],
    [/名前|名義/u, NAME_BEFORE_NAME_WORD, namedBeforeNameWord],
    [/またね|じゃあね|ではでは|ありがと|よろしく|以上/u, CASUAL_SIGNATURE, anyName],
    [RELATIVE_WORD, RELATIVE_IS, kanjiName],
    [/[(（]/u, NAME_IN_BRACKETS, anyName],
    [/[(（]/u, NAME_BEFORE_RELATIVE, kanjiName],
    [/[「『]/u, QUOTED_AFTER_LABEL, anyName],
    [/[「『]/u, QUOTED_BEFORE_LABEL, anyName],
    [/って|という/u, NAME_AS_TOPIC, topic],
    [/[(（]/u, READING_AFTER_NAME, spanOf],
    [/[\p{Script=Han}々] [\p{Script=Han}\p{Script=Hiragana}]/u, SPACED_FULL_NAME, spaced],
    [/先生|教授|氏|社長|監督|選手/u, TITLED, titled],
  ];
  return rules.flatMap(([cue, pattern, accept]) =>
    cue.test(text) ? collectMatches(pattern, text, accept) : [],
  );
}
