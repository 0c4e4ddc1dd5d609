import {
  MAX_QUERY_TERMS,
  allowsPrefix,
  analyze,
  foldForSearch,
  fuzzyEdits,
  queryTerms,
} from './text-analyzer';

describe('foldForSearch', () => {
  it('folds width, case, kana script and small kana (ja)', () => {
    expect(foldForSearch('ＯＮＥ　ＰＩＥＣＥ')).toBe('one piece');
    expect(foldForSearch('ﾜﾝﾋﾟｰｽ')).toBe(foldForSearch('わんぴーす'));
    expect(foldForSearch('チェンソーマン')).toBe('ちえんそーまん');
  });
  it('drops romaji macrons (en)', () => {
    expect(foldForSearch('Shingeki no Kyōjin')).toBe('shingeki no kyojin');
  });
});

describe('analyze (index side)', () => {
  it('gives Japanese words and bigrams in one kana script', () => {
    const terms = analyze('進撃の巨人');
    expect(terms).toEqual(expect.arrayContaining(['進撃', '巨人', '撃の']));
    expect(analyze('ワンピース')).toEqual(analyze('わんぴーす'));
  });
  it('stems English words', () => {
    expect(analyze('Returning unopened print books')).toEqual([
      'return',
      'unopen',
      'print',
      'book',
    ]);
  });
  it('returns nothing for empty or symbol-only text', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('!!! ？？ ...')).toEqual([]);
  });
});

describe('queryTerms (query side)', () => {
  it('drops English function words and store words but keeps content', () => {
    expect(queryTerms('recommend me a dark manga like the death note')).toEqual([
      'dark',
      'death',
      'note',
    ]);
  });
  it('keeps a function word when nothing else is left', () => {
    expect(queryTerms('the')).toEqual(['the']);
  });
  it('drops particles and bigrams glued across scripts in Japanese sentences', () => {
    const terms = queryTerms('おすすめの恋愛漫画を教えて');
    expect(terms).toContain('恋愛');
    expect(terms).not.toContain('漫画');
    expect(terms).not.toContain('の恋');
    expect(terms).not.toContain('めの');
    expect(terms).not.toContain('の');
  });
  it('keeps hiragana bigrams when the whole query is kana (a title such as うずまき)', () => {
    expect(queryTerms('うずまき')).toEqual(expect.arrayContaining(['うず', 'ずま', 'まき']));
  });
  it('keeps katakana words, folded to hiragana', () => {
    expect(queryTerms('ホラー漫画')).toEqual(expect.arrayContaining(['ほら']));
  });
  it('is empty for punctuation, emoji and control characters', () => {
    expect(queryTerms('？！…。')).toEqual([]);
    expect(queryTerms('🎉🔥💀')).toEqual([]);
    expect(queryTerms('\u0000\u0007\u200b')).toEqual([]);
  });
  it('survives lone surrogates and caps very long queries', () => {
    expect(() => queryTerms('\ud800abc\udc00 ワンピ')).not.toThrow();
    const many = Array.from({ length: 400 }, (_, i) => `word${i}x`).join(' ');
    expect(queryTerms(many)).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe('prefix and fuzzy rules', () => {
  it('allows prefix matching for Latin words of four letters or more only', () => {
    expect(allowsPrefix('shingek')).toBe(true);
    expect(allowsPrefix('one')).toBe(false);
    expect(allowsPrefix('進撃の巨')).toBe(false);
  });
  it('gives typo tolerance to unknown Latin words only', () => {
    expect(fuzzyEdits('peace', false)).toBe(2);
    expect(fuzzyEdits('scary', true)).toBe(0);
    expect(fuzzyEdits('jojo', false)).toBe(1);
    expect(fuzzyEdits('aot', false)).toBe(0);
    expect(fuzzyEdits('わんぴす', false)).toBe(0);
  });
});
