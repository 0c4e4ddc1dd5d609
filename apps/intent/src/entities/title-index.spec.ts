import { create } from '@bufbuild/protobuf';
import { CatalogItemSchema } from '@mangaassist/contracts';
import { derivedTitles, isMatchableKey, TitleIndex } from './title-index';

describe('derivedTitles', () => {
  it('keeps the main title before a subtitle, in English and Japanese', () => {
    expect(derivedTitles("Hell's Paradise: Jigokuraku")).toContain("Hell's Paradise");
    expect(derivedTitles('るろうに剣心―明治剣客浪漫譚―')).toContain('るろうに剣心');
    expect(derivedTitles('NARUTO -ナルト-')).toContain('NARUTO');
  });

  it('adds alternative titles in parentheses but not part ranges, and drops a leading "The"', () => {
    expect(derivedTitles('Umimachi Diary (Our Little Sister)')).toContain('Our Little Sister');
    expect(derivedTitles("JoJo's Bizarre Adventure (Parts 1-6)")).not.toContain('Parts 1-6');
    expect(derivedTitles('The Promised Neverland')).toContain('Promised Neverland');
  });
});

describe('isMatchableKey', () => {
  it('needs three kana, two characters with a kanji, or two Latin letters', () => {
    expect(isMatchableKey('なると')).toBe(true);
    expect(isMatchableKey('もぶ')).toBe(false);
    expect(isMatchableKey('鬼滅')).toBe(true);
    expect(isMatchableKey('op')).toBe(true);
    expect(isMatchableKey('d')).toBe(false);
  });
});

describe('TitleIndex', () => {
  const item = (
    id: string,
    titleJa: string,
    titleEn: string,
    aliases: string[],
    popularity: number,
  ) =>
    create(CatalogItemSchema, { id, titleJa, titleEn, titleRomaji: titleEn, aliases, popularity });

  it('ranks a full title above another series sharing the key as a derived form', () => {
    const index = new TitleIndex([
      item('MA-0002', '東京喰種トーキョーグール:re', 'Tokyo Ghoul:re', [], 90),
      item('MA-0001', '東京喰種トーキョーグール', 'Tokyo Ghoul', ['東京喰種'], 80),
    ]);
    expect(index.get('tokyoghoul')?.map((e) => e.id)).toEqual(['MA-0001', 'MA-0002']);
  });

  it('marks everyday words as ambiguous and keeps them out of fuzzy matching', () => {
    const index = new TitleIndex([item('MA-0039', 'リアル', 'Real', ['REAL'], 55)]);
    expect(index.get('real')?.[0].ambiguous).toBe(true);
    expect([...index.fuzzyByLength.values()].flat()).not.toContain('real');
  });
});
