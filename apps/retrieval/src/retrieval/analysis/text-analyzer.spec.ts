import {
  MAX_QUERY_TERMS,
  allowsPrefix,
  analyze,
  foldForSearch,
  fuzzyEdits,
  queryTerms,
} from './text-analyzer';

describe('foldForSearch', () => {
  it('folds width, case, kana script, small kana and long-vowel marks (ja)', () => {
    expect(foldForSearch('ＯＮＥ　ＰＩＥＣＥ')).toBe('one piece');
    expect(foldForSearch('ﾜﾝﾋﾟｰｽ')).toBe(foldForSearch('わんぴーす'));
    expect(foldForSearch('チェンソーマン')).toBe('ちえんそまん');
    expect(foldForSearch('チェーンソーマン')).toBe(foldForSearch('ちぇんそーまん'));
    expect(foldForSearch('ぬ〜べ〜')).toBe('ぬべ');
  });
  it('drops romaji macrons and keeps plain ASCII as is but lowercase (en)', () => {
    expect(foldForSearch('Shingeki no Kyōjin')).toBe('shingeki no kyojin');
    expect(foldForSearch('Tōkyō Gūru')).toBe('tokyo guru');
    expect(foldForSearch('Spy x Family')).toBe('spy x family');
  });
});

describe('analyze (index side)', () => {
  it('gives Japanese bigrams in one kana script, without a dictionary', () => {
    expect(analyze('進撃の巨人')).toEqual(['進撃', '撃の', 'の巨', '巨人']);
    expect(analyze('ワンピース')).toEqual(analyze('わんぴーす'));
    expect(analyze('ﾜﾝﾋﾟｰｽ')).toEqual(['わん', 'んぴ', 'ぴす']);
    expect(analyze('怪獣8号')).toEqual(['怪獣', '8', '号']);
  });
  it('splits mixed scripts and keeps digits', () => {
    expect(analyze('ONE PIECEの最新刊 105巻')).toEqual([
      'one',
      'piece',
      'の最',
      '最新',
      '新刊',
      '105',
      '巻',
    ]);
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
  it('keeps the bigram of a lone kanji and its okurigana', () => {
    expect(queryTerms('試し読みできますか')).toEqual(['試し', '読み']);
    expect(queryTerms('本が破れて届いた')).toEqual(expect.arrayContaining(['破れ', '届い']));
  });
  it('meets the index for full-width, half-width and kana variants of a title', () => {
    const index = new Set(analyze('ONE PIECE\nワンピース'));
    for (const query of ['ＯＮＥ　ＰＩＥＣＥ', 'ﾜﾝﾋﾟｰｽ', 'わんぴーす', 'ワンピ']) {
      expect(queryTerms(query).filter((t) => !index.has(t))).toEqual([]);
    }
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
