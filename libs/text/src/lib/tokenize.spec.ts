import { detectLocale } from './locale';
import { foldForSearch } from './normalize';
import { cjkBigrams, lexicalTokens, searchTokens, stemEnglish, wordTokens } from './tokenize';

describe('wordTokens', () => {
  it('segments Japanese without spaces', () => {
    expect(wordTokens('進撃の巨人の最新刊はいつ発売？')).toEqual(
      expect.arrayContaining(['進撃', '巨人', '発売']),
    );
  });
  it('folds katakana to hiragana so scripts meet', () => {
    expect(wordTokens('ワンピの値段')).toContain('わんぴ');
  });
  it('lowercases English and full-width letters', () => {
    expect(wordTokens('ＯＮＥ Piece')).toEqual(['one', 'piece']);
  });
});

describe('cjkBigrams', () => {
  it('makes overlapping bigrams of each Japanese run', () => {
    expect(cjkBigrams('鬼滅の刃')).toEqual(['鬼滅', '滅の', 'の刃']);
  });
});

describe('stemEnglish', () => {
  it.each([
    ['volumes', 'volume'],
    ['stories', 'story'],
    ['released', 'releas'],
    ['boss', 'boss'],
  ])('%s -> %s', (word, stem) => expect(stemEnglish(word)).toBe(stem));
});

describe('searchTokens and detectLocale', () => {
  it('adds bigrams only for Japanese text', () => {
    expect(searchTokens('dark fantasy')).toEqual(['dark', 'fantasy']);
    expect(searchTokens('呪術廻戦')).toEqual(expect.arrayContaining(['呪術', '術廻', '廻戦']));
  });
  it('detects the language to answer in', () => {
    expect(detectLocale('ONE PIECEは何巻まで出ていますか？')).toBe('ja');
    expect(detectLocale('How many volumes of One Piece are out?')).toBe('en');
    expect(detectLocale('Is 鬼滅の刃 volume 23 the last one in the series?')).toBe('en');
  });
});

describe('lexicalTokens', () => {
  it('stems English, keeps digits and makes Japanese bigrams, with no dictionary', () => {
    expect(lexicalTokens(foldForSearch('Returning 3 Volumes'))).toEqual(['return', '3', 'volume']);
    expect(lexicalTokens(foldForSearch('鬼滅の刃'))).toEqual(['鬼滅', '滅の', 'の刃']);
    expect(lexicalTokens(foldForSearch('JoJo’s 第7部'))).toEqual(['jojo', '第', '7', '部']);
  });
  it('treats the middle dot and other punctuation as separators', () => {
    expect(lexicalTokens(foldForSearch('スティール・ボール・ラン'))).toEqual([
      'すて',
      'てい',
      'いる',
      'ぼる',
      'らん',
    ]);
    expect(lexicalTokens(foldForSearch('？！…。・🎉'))).toEqual([]);
  });
});
