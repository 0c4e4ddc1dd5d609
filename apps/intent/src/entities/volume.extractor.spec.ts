import { extractVolume, kanjiNumber } from './volume.extractor';

describe('extractVolume', () => {
  it.each([
    ['ワンピースの3巻はありますか', 3],
    ['「3巻」の在庫', 3],
    ['第3巻の発売日', 3],
    ['第１２巻', 12],
    ['呪術廻戦 3冊目', 3],
    ['三巻はいつ出ますか', 3],
    ['第二十三巻', 23],
  ])('reads the Japanese %s as volume %i', (text, volume) => {
    expect(extractVolume(text)).toBe(volume);
  });

  it.each([
    ['how much is spy x family vol 3', 3],
    ['Vol. 3 please', 3],
    ['vol3 in stock?', 3],
    ['volume 3 of Naruto', 3],
    ['is volume three out', 3],
    ['the 3rd volume of Blue Lock', 3],
    ['the third volume', 3],
    ['One Piece #3', 3],
    ['book 2 of Dandadan', 2],
  ])('reads the English %s as volume %i', (text, volume) => {
    expect(extractVolume(text)).toBe(volume);
  });

  it.each([
    'ONE PIECEは何巻まで出ていますか？',
    '全3巻の漫画を探しています',
    '1〜3巻をまとめて買いたい',
    '20巻以内で完結してるおすすめ',
    '1000円以下の漫画',
    'order 250-1234567-1234567',
    '#250-1234567-1234567',
    'volumes 1-5 as a set',
    'I bought 3 copies',
    'hi',
  ])('finds no single volume in %s', (text) => {
    expect(extractVolume(text)).toBe(0);
  });
});

describe('kanjiNumber', () => {
  it('reads kanji numbers up to 99', () => {
    expect(kanjiNumber('三')).toBe(3);
    expect(kanjiNumber('十')).toBe(10);
    expect(kanjiNumber('十二')).toBe(12);
    expect(kanjiNumber('九十九')).toBe(99);
    expect(kanjiNumber('十十')).toBe(0);
  });
});
