import { isNonNameToken } from './person-name.exclusions';
import { JAPANESE_GIVEN_NAMES, JAPANESE_SURNAMES } from './person-name.lexicon';

/**
 * The last kanji of most Japanese surnames (緑川, 紫藤, 赤坂, 望月): no list of surnames is
 * complete, but a two- or three-kanji word ending in one of these, in a place where only a name
 * fits (宛先：, the line that signs a message, 息子の…に), is a surname far more often than not.
 * Endings that also close everyday words often (中 as in 準備中, 上 as in 以上, 月 as in 来月)
 * are left out; surnames with those endings are in the lexicon.
 */
const SURNAME_ENDINGS = new Set([
  ...'田川藤村山本野木井島原口崎沢澤谷橋岡池林森宮浦瀬塚尾坂松江城條条永畑垣倉柳丸嶋端堀津浜濱淵沼渕枝寺柴根',
]);

/** Everyday words that end like a surname: not names, whatever the context. */
// prettier-ignore
const WORDS_ENDING_LIKE_SURNAMES: ReadonlySet<string> = new Set([
  '日本', '絵本', '見本', '基本', '資本', '台本', '脚本', '原本', '手本', '製本', '標本', '単行本',
  '文庫本', '漫画本', '新刊本', '古本', '写本', '読本', '一本', '何本', '沢山', '登山', '火山',
  '鉱山', '本山', '分野', '視野', '天井', '市井', '列島', '半島', '離島', '諸島', '草原', '高原',
  '平原', '入口', '出口', '窓口', '人口', '悪口', '利口', '河口', '早口', '電池', '贅沢', '光沢',
  '潤沢', '土木', '植木', '材木', '並木', '河川', '渓谷', '鉄橋', '歩道橋', '末尾', '貝塚', '浅瀬',
  '門松', '入江', '古城', '名城', '築城', '田畑', '弾丸', '途端', '先端', '極端', '半端', '外堀',
  '砂浜', '小枝', '葛藤', '農村', '漁村', '山村', '森林', '山林', '密林', '子宮', '迷宮', '神宮',
  '深淵', '信条', '箇条', '水田', '油田', '塩田', '炭田', '大根', '屋根', '垣根', '羽根', '尾根', '心根', '横浜', '品川', '新橋', '日本橋', '秋葉原',
]);

const HAN_RUN = /^[\p{Script=Han}々ヶケノ]+$/u;

/** A surname by shape: two or three kanji ending like one, and not an everyday word. */
export function looksLikeSurname(token: string): boolean {
  if (JAPANESE_SURNAMES.has(token)) return true;
  if (token.length < 2 || token.length > 3 || !HAN_RUN.test(token)) return false;
  if (WORDS_ENDING_LIKE_SURNAMES.has(token) || isNonNameToken(token)) return false;
  return SURNAME_ENDINGS.has(token[token.length - 1]);
}

/**
 * Whether a run of kanji (with at most one space inside) reads as a Japanese name: a known or
 * surname-shaped surname, then nothing, a known given name, or one to three kanji that are not
 * a role or a place (黒川, 紫藤颯, 谷口 陽葵).
 */
export function isJapaneseName(run: string): boolean {
  const [first, second, ...rest] = run.split(' ');
  if (rest.length > 0 || !HAN_RUN.test(first) || (second !== undefined && !HAN_RUN.test(second))) {
    return false;
  }
  if (second !== undefined) return looksLikeSurname(first) && isGivenName(second);
  for (let surname = Math.min(4, first.length); surname >= 2; surname--) {
    const given = first.slice(surname);
    if (given.length > 3) break;
    if (looksLikeSurname(first.slice(0, surname)) && (given === '' || isGivenName(given))) {
      return true;
    }
  }
  return false;
}

/** A given name ending like these is a place or an organization: 松本市, 田中商店, 山田部長. */
export const NOT_A_GIVEN_NAME = /[市区町村県都府道駅線店社部課長方屋員者会校院館園様]$/u;

function isGivenName(given: string): boolean {
  if (JAPANESE_GIVEN_NAMES.has(given)) return true;
  return given.length <= 3 && !NOT_A_GIVEN_NAME.test(given) && !isNonNameToken(given);
}

/** Last kanji that most given names end with (莉子, 泰介, 晴彦, 源蔵, 湊斗, 沙織). */
const GIVEN_ENDINGS = new Set([
  ...'子美香奈菜恵江乃花華央衣依郎介助輔太也哉人斗翔樹輝彦雄男治司吾蔵造誠遥颯蓮凛葵陽翼希穂織紀佳梨莉咲愛優結彩舞瞳萌桜楓杏澪紬湊悠碧蒼朗明宏弘博隆剛聡亮健由之',
]);
/** Everyday words that end like a given name (大人, 理由): not names, whatever the context. */
const WORDS_ENDING_LIKE_GIVEN_NAMES: ReadonlySet<string> = new Set([
  '男',
  '女',
  '大人',
  '本人',
  '他人',
  '友人',
  '主人',
  '犯人',
  '美',
  '花',
  '文化',
  '強化',
  '変化',
  '香',
  '桜',
  '個人',
  '新人',
  '商人',
  '詩人',
  '職人',
  '恋人',
  '成人',
  '老人',
  '素人',
  '玄人',
]);

/**
 * A given name by lexicon or shape: a known one, one to three kanji ending like a given name, or
 * two to four hiragana (ふみ, ゆうき) where the context already says a name stands there.
 */
export function looksLikeGivenName(given: string): boolean {
  if (JAPANESE_GIVEN_NAMES.has(given)) return true;
  if (/^[\p{Script=Hiragana}ー]{2,4}$/u.test(given)) return !isNonNameToken(given);
  if (given.length > 3 || !HAN_RUN.test(given)) return false;
  if (WORDS_ENDING_LIKE_GIVEN_NAMES.has(given) || isNonNameToken(given)) return false;
  return GIVEN_ENDINGS.has(given[given.length - 1]);
}
