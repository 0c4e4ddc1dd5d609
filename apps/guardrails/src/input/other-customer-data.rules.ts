import { anyMatches, phrase, type PhrasePattern } from './phrase-pattern';

const EN_DATA =
  '(?:orders?|order (?:history|details|numbers?|status)|address(?:es)?|e-?mails?(?: address(?:es)?)?|phone(?: numbers?)?|(?:personal |private |contact |account )?(?:data|info(?:rmation)?|details)|purchases?|purchase history|credit cards?|card (?:numbers|details)|payment (?:info|details|methods)|names)';
const EN_OTHERS =
  '(?:other|another|different|all(?: the| your)?|every) (?:customers?|users?|shoppers?|people|persons?|buyers?|members?|clients?|accounts?)';
const JA_OTHERS =
  '(?:他|ほか|別|他人|全て|すべて|全|よそ)の(?:お客様|お客さま|お客さん|客|顧客|ユーザー|利用者|会員|人|方|購入者|注文者)(?:たち|達|ら)?';
const JA_DATA =
  '(?:注文|住所|電話番号|電話|メール(?:アドレス)?|アドレス|個人情報|購入履歴|注文履歴|連絡先|名前|氏名|クレジットカード|カード(?:番号|情報)|アカウント|支払い情報|配送先)';

/** Requests for personal data of anyone but the signed-in shopper. */
const OTHER_CUSTOMER_DATA: PhrasePattern[] = [
  phrase(`\\b${EN_OTHERS}(?:'s?|s')? ${EN_DATA}\\b`),
  phrase(
    `\\b(?:someone else|somebody else|another person|another customer|other people|other customers|a different customer)(?:'s?|s')? ${EN_DATA}\\b`,
  ),
  phrase(`\\b${EN_DATA} (?:of|for|from|belonging to|placed by|made by) ${EN_OTHERS}\\b`),
  phrase(
    "\\b(?:list|show|give|export|dump|send|download) (?:me )?(?:all |every )?(?:the |your )?(?:customers?|users?|members?)(?:'s?|s')? ?(?:list|emails?|e-?mail addresses|addresses|phone numbers|names|data|database|orders|info(?:rmation)?)\\b",
  ),
  phrase('\\bwho (?:else )?(?:has )?(?:bought|ordered|purchased)\\b'),
  phrase(`${JA_OTHERS}の?${JA_DATA}`),
  phrase(`他人の${JA_DATA}`),
  phrase('(?:顧客|会員|ユーザー|購入者|お客様)(?:の)?(?:リスト|一覧|名簿|データベース)'),
  phrase('誰が(?:この|その|あの)?(?:本|商品|漫画|巻)?(?:を)?(?:買った|購入した|注文した|買って)'),
  phrase(
    '(?:他|ほか|別)の(?:人|方|お客様|お客さん)(?:が|の)(?:注文|購入)(?:した|している)?(?:内容|履歴)',
  ),
];

export function asksForOtherCustomersData(text: string): boolean {
  return anyMatches(OTHER_CUSTOMER_DATA, text, 'strict');
}
