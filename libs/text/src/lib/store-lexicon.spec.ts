import {
  DEMOGRAPHIC_LEXICON,
  GENRE_LEXICON,
  POLICY_TOPIC_LEXICON,
  STATUS_LEXICON,
  THEME_LEXICON,
  allLabels,
  labelsInText,
  lexiconText,
} from './store-lexicon';

const labels = (lexicon: Parameters<typeof labelsInText>[0], text: string) =>
  [...allLabels(labelsInText(lexicon, text))].sort();

describe('labelsInText', () => {
  it('maps English moods and genre words to catalog genres', () => {
    expect(labels(GENRE_LEXICON, 'dark, psychological, like Death Note')).toEqual([
      'psychological',
    ]);
    expect(labels(GENRE_LEXICON, 'something scary to read at night')).toEqual(['horror']);
    expect(labels(GENRE_LEXICON, 'wholesome slice of life to relax')).toEqual(['slice-of-life']);
    expect(labels(GENRE_LEXICON, 'a sci-fi romcom')).toEqual(['comedy', 'romance', 'sci-fi']);
  });

  it('maps Japanese words in any script and width to catalog genres', () => {
    expect(labels(GENRE_LEXICON, 'ホラー漫画が読みたい')).toEqual(['horror']);
    expect(labels(GENRE_LEXICON, 'ﾎﾗｰ')).toEqual(['horror']);
    expect(labels(GENRE_LEXICON, '泣ける漫画')).toEqual(['drama']);
    expect(labels(GENRE_LEXICON, '異世界転生もの')).toEqual(['isekai']);
  });

  it('tells which language named a label', () => {
    const found = labelsInText(GENRE_LEXICON, 'horror とラブコメ');
    expect([...found.en]).toEqual(['horror']);
    expect([...found.ja].sort()).toEqual(['comedy', 'romance']);
  });

  it('matches English words by stem and phrases as a whole', () => {
    expect(labels(THEME_LEXICON, 'vampires')).toEqual(['vampire']);
    expect(labels(THEME_LEXICON, 'time travel stories')).toEqual(['time']);
    expect(labels(THEME_LEXICON, 'what time is it')).toEqual([]);
    expect(labels(THEME_LEXICON, '野球')).toEqual(['baseball']);
    expect(labels(THEME_LEXICON, 'タイムリープもの')).toEqual(['time']);
  });

  it('finds policy topics, demographics and statuses in both languages', () => {
    expect(labels(POLICY_TOPIC_LEXICON, 'how much is shipping')).toEqual(['shipping']);
    expect(labels(POLICY_TOPIC_LEXICON, '代引きは使えますか')).toEqual(['payment']);
    expect(labels(POLICY_TOPIC_LEXICON, '本が破れて届いた')).toEqual(['returns', 'shipping']);
    expect(labels(DEMOGRAPHIC_LEXICON, 'seinen action')).toEqual(['seinen']);
    expect(labels(DEMOGRAPHIC_LEXICON, '少女漫画の初恋もの')).toEqual(['shojo']);
    expect(labels(STATUS_LEXICON, '完結済みのラブコメ')).toEqual(['completed']);
  });

  it('finds nothing in text without words', () => {
    expect(labels(GENRE_LEXICON, '')).toEqual([]);
    expect(labels(GENRE_LEXICON, '？！🎉')).toEqual([]);
  });
});

describe('lexiconText', () => {
  it('is the label with its words, for index-side expansion', () => {
    expect(lexiconText(GENRE_LEXICON, 'horror').split('\n')).toEqual(
      expect.arrayContaining(['horror', 'scary', 'ホラー', '怖い']),
    );
    expect(lexiconText(GENRE_LEXICON, 'not-a-genre')).toBe('not-a-genre');
  });
});
