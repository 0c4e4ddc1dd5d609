import { normalizeText } from '@mangaassist/text';
import { PersonDetector } from './person.detector';

const detector = new PersonDetector();
const found = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('PersonDetector in Japanese', () => {
  it.each([
    ['山田様宛てに送ってください', '山田'],
    ['担当の田中さんに伝えてください', '田中'],
    ['山田 太郎様', '山田 太郎'],
    ['マイクさんの注文です', 'マイク'],
    ['ジョン・スミスさんへ', 'ジョン・スミス'],
    ['息子の翔くんへのプレゼント', '翔'],
    ['さくらちゃんが読みたがっています', 'さくら'],
    ['鈴木殿', '鈴木'],
    ['私の名前は佐藤花子です', '佐藤花子'],
    ['高橋と申します。注文について質問です', '高橋'],
  ])('finds the name in %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['お客様', 'お客様の注文を確認します'],
    ['皆さん', '皆さんにおすすめの漫画'],
    ['店員さん', '店員さんに聞きました'],
    ['a plural "many"', '本がたくさん届きました'],
    ['様々', '様々なジャンルがあります'],
    ['同様', '同様に扱います'],
    ['a verb ending in く', '次の巻はいつ届くんですか？'],
    ['another verb ending in く', 'この漫画は続くんだろうか'],
    ['ちゃんと', '全部ちゃんと届きました'],
    ['a role ending in 屋', '本屋さんで見ました'],
    ['ご担当者様', 'ご担当者様へ'],
    ['a family word', 'お母さんへのプレゼント'],
    ['a company-ish word', '配送業者さんが来ません'],
    ['a katakana role', 'スタッフさんに繋いでください'],
    ['ご主人様', 'ご主人様へのプレゼント'],
  ])('does not treat %s as a name', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('PersonDetector in English', () => {
  it.each([
    ['Hi, my name is Taro Yamada and I ordered vol 3', 'Taro Yamada'],
    ["I'm Hanako Suzuki, where is my order?", 'Hanako Suzuki'],
    ['Where is my order? Thanks, Taro Yamada', 'Taro Yamada'],
    ['Please cancel it. Best regards, Emily', 'Emily'],
    ['Can you check vol 5 — Taro', 'Taro'],
  ])('finds the name in %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['a lowercase name', 'my name is taro'],
    ['"I\'m Looking For"', "I'm Looking For a new series"],
    ['an adjective', "I'm Japanese Speaking too"],
    ['a thank-you in the middle', 'Thanks, Naruto was great but I need more'],
    ['a plain question', 'Is One Piece volume 117 out yet?'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
