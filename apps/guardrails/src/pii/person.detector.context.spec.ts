import { normalizeText } from '@mangaassist/text';
import { PersonDetector } from './person.detector';

const detector = new PersonDetector();
const names = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('PersonDetector: names without an honorific, from their context (ja)', () => {
  it.each([
    ['佐藤です。注文した本が届きません', '佐藤'],
    ['先日お電話した近藤です。返品の件どうなりましたか', '近藤'],
    ['池田大輔名義のカードが使えません', '池田大輔'],
    ['山崎翔太のマイナンバーは登録できますか', '山崎翔太'],
    ['名義は阿部のままです', '阿部'],
    ['名前は新垣舞です', '新垣舞'],
    ['よろしくお願いします。 藤田亮 ryo@example.com', '藤田亮'],
    ['〒150-0041 東京都渋谷区神南1-2-3 荒木颯太 宛 でお願いします', '荒木颯太'],
    ['D01-2345678-3456789で注文した鷲尾ですが、住所を間違えました', '鷲尾'],
    ['夫の菊池が受け取ります', '菊池'],
    ['受取人の名前を松浦理沙に変えたいです', '松浦理沙'],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual([expected]);
  });

  it.each([
    '了解です。ありがとう',
    '松本市ですが、何日で届きますか',
    '田中部長です',
    '以上です。よろしくお願いします。',
    'ワンピースです',
    '夫の会社に届けてください',
  ])('finds no name in: %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('PersonDetector: names without an honorific, from their context (en)', () => {
  it.each([
    ['Gift for Olivia Sato, please include a card', 'Olivia Sato'],
    ['Cardholder: Hannah Brown', 'Hannah Brown'],
    ['This is Kenji. You can text me.', 'Kenji'],
    ['Hello, Grace Lee here. My parcel was damaged.', 'Grace Lee'],
    ['Happy birthday, love from Takumi Ono', 'Takumi Ono'],
    ['Please put the gift card in the name of Diego Patel.', 'Diego Patel'],
    ['Account holder: Henry Price (henry@example.com)', 'Henry Price'],
    ['Best regards, Olivia Morales 090-5792-2485', 'Olivia Morales'],
    ['My husband Ryan Mori will pick it up.', 'Ryan Mori'],
    ['Change the recipient to Zoe Turner, please.', 'Zoe Turner'],
    ['Thanks for your help! Sophia Johnson sophia@example.com', 'Sophia Johnson'],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual([expected]);
  });

  it.each([
    'Is there a gift for May?',
    'Send it to Tokyo Station please',
    'Is it for Golden Week delivery?',
    'Name: please see my account',
    'Thanks for your help! I will order again.',
  ])('finds no name in: %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});
