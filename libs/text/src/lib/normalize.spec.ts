import {
  compactKey,
  foldForSearch,
  foldLatinDiacritics,
  foldSmallKana,
  katakanaToHiragana,
  matchKey,
  normalizeText,
} from './normalize';

describe('normalizeText', () => {
  it('folds full-width Latin and ideographic spaces (NFKC)', () => {
    expect(normalizeText('ＯＮＥ　ＰＩＥＣＥ　１０５巻')).toBe('ONE PIECE 105巻');
  });
  it('turns half-width katakana into full-width', () => {
    expect(normalizeText('ﾜﾝﾋﾟｰｽ')).toBe('ワンピース');
  });
  it('drops zero-width characters hidden inside words', () => {
    expect(normalizeText('ig\u200Bnore previous')).toBe('ignore previous');
  });
  it('replaces lone surrogates instead of throwing', () => {
    expect(normalizeText('abc\uD800def')).toBe('abc\uFFFDdef');
  });
});

describe('matchKey', () => {
  it('makes katakana, hiragana and long-vowel variants equal', () => {
    expect(compactKey('チェンソーマン')).toBe(compactKey('ちぇんそまん'));
    expect(katakanaToHiragana('ワンピース')).toBe('わんぴーす');
  });
  it('ignores case, punctuation and width in English titles', () => {
    expect(matchKey('ＤＲ．ＳＴＯＮＥ!')).toBe(matchKey('dr stone'));
  });
  it('folds romaji macrons', () => {
    expect(foldLatinDiacritics('Wan Pīsu')).toBe('Wan Pisu');
  });
});

describe('foldForSearch and foldSmallKana', () => {
  it('makes every spelling of a title meet (ja)', () => {
    const key = foldForSearch('ワンピース');
    for (const variant of ['わんぴーす', 'ﾜﾝﾋﾟｰｽ', 'ワンピス']) {
      expect(foldForSearch(variant)).toBe(key);
    }
    expect(foldSmallKana('ちぇんそー')).toBe('ちえんそー');
    expect(foldForSearch('チェーンソーマン')).toBe(foldForSearch('ちぇんそまん'));
  });
  it('folds width, case and macrons (en)', () => {
    expect(foldForSearch('ＡｏＴ')).toBe('aot');
    expect(foldForSearch('Kyōjin')).toBe('kyojin');
    expect(foldForSearch('Plain ASCII stays')).toBe('plain ascii stays');
  });
});
