import { create } from '@bufbuild/protobuf';
import { type CatalogItem, CatalogItemSchema } from '@mangaassist/contracts';
import { AuthorMatcher, TitleMatcher, compactQuery } from './title-matcher';

function item(
  id: string,
  titleJa: string,
  titleEn: string,
  titleRomaji: string,
  aliases: string[],
): CatalogItem {
  return create(CatalogItemSchema, { id, titleJa, titleEn, titleRomaji, aliases });
}

const matcher = new TitleMatcher([
  item('MA-0001', 'ONE PIECE', 'One Piece', 'Wan Pīsu', ['ワンピ', 'ワンピース', 'OP']),
  item('MA-0009', '呪術廻戦', 'Jujutsu Kaisen', 'Jujutsu Kaisen', ['呪術', 'じゅじゅつ', 'JJK']),
  item(
    'MA-0010',
    '呪術廻戦 0 東京都立呪術高等専門学校',
    'Jujutsu Kaisen 0',
    'Jujutsu Kaisen Zero',
    ['呪術0', '呪術廻戦0巻'],
  ),
  item('MA-0059', '進撃の巨人', 'Attack on Titan', 'Shingeki no Kyojin', ['進撃', 'AoT', 'SnK']),
  item('MA-0112', 'NANA', 'Nana', 'Nana', ['ナナ']),
  item('MA-0131', '海街diary', 'Our Little Sister', 'Umimachi Diary', ['海街']),
  item('MA-0152', 'MONSTER', 'Monster', 'Monsutā', ['モンスター']),
  item('MA-0025', '東京喰種トーキョーグール', 'Tokyo Ghoul', 'Tōkyō Gūru', ['東京喰種']),
  item('MA-0185', '大奥', 'Ōoku: The Inner Chambers', 'Ōoku', ['大奥']),
]);

const ids = (query: string) => matcher.match(query).map((m) => m.id);

describe('TitleMatcher', () => {
  it('finds a title that is the whole query, in any width, case or script (ja + en)', () => {
    for (const query of [
      'ONE PIECE',
      'one piece',
      'ＯＮＥ　ＰＩＥＣＥ',
      'ワンピース',
      'わんぴーす',
      'ﾜﾝﾋﾟｰｽ',
      'onepiece',
    ]) {
      expect(matcher.match(query)).toEqual([
        { id: 'MA-0001', length: expect.any(Number), exact: true, start: 0 },
      ]);
    }
    expect(ids('Wan Pisu')).toEqual(['MA-0001']);
    expect(ids('shingeki no kyojin')).toEqual(['MA-0059']);
  });

  it('finds a title inside a longer question (ja + en)', () => {
    expect(ids('ワンピの最新刊はいつ？')).toEqual(['MA-0001']);
    expect(ids('When is the next One Piece volume out?')).toEqual(['MA-0001']);
    expect(matcher.match('進撃の巨人は完結してる？')[0]).toMatchObject({
      id: 'MA-0059',
      exact: false,
    });
  });

  it('matches Latin titles only on word boundaries', () => {
    expect(ids('any good shop nearby')).toEqual([]);
    expect(ids('bananas')).toEqual([]);
    expect(ids('I like nana a lot')).toEqual(['MA-0112']);
  });

  it('takes very short Latin aliases inside a sentence only when written in capitals', () => {
    expect(ids('is OP still running')).toEqual(['MA-0001']);
    expect(ids('is op still running')).toEqual([]);
    expect(ids('what about AoT')).toEqual(['MA-0059']);
    expect(ids('aot')).toEqual(['MA-0059']);
  });

  it('prefers the longer, more specific title: a sequel over its parent series', () => {
    const matches = matcher.match('呪術廻戦0の最新刊');
    expect(matches[0]).toMatchObject({ id: 'MA-0010' });
    expect(matches.map((m) => m.id)).toContain('MA-0009');
    expect(ids('jujutsu kaisen 0')[0]).toBe('MA-0010');
    expect(ids('呪術廻戦')[0]).toBe('MA-0009');
  });

  it('accepts romaji with doubled long vowels', () => {
    expect(ids('Toukyou Guuru')).toEqual(['MA-0025']);
    expect(ids('Tokyo Guru')).toEqual(['MA-0025']);
    expect(ids('Ouoku')).toEqual(['MA-0185']);
    expect(ids('Monsutaa')).toEqual(['MA-0152']);
  });

  it('keeps the rules for mixed-script titles and short kana names', () => {
    expect(ids('海街diaryの新刊')).toEqual(['MA-0131']);
    // ナナ is two kana: only the whole query may name it, not any sentence containing なな.
    expect(ids('ナナ')).toEqual(['MA-0112']);
    expect(ids('ななめ読み')).toEqual([]);
  });

  it('reads a kana-only query as romaji, since the catalog has no kana readings', () => {
    expect(ids('しんげきのきょじん')).toEqual(['MA-0059']);
    expect(ids('シンゲキノキョジン')).toEqual(['MA-0059']);
    expect(ids('じゅじゅつかいせん')).toEqual(['MA-0009']);
  });

  it('says where in the compact query a name starts', () => {
    const [match] = matcher.match('When is the next One Piece volume out?');
    expect(
      compactQuery('When is the next One Piece volume out?').slice(
        match.start,
        match.start + match.length,
      ),
    ).toBe('onepiece');
  });

  it('never throws on odd text', () => {
    for (const query of [
      '',
      '   ',
      '🎉',
      '\u0000\ud800',
      '！？',
      'x'.repeat(2000),
      'ワ'.repeat(2000),
    ]) {
      expect(() => matcher.match(query)).not.toThrow();
    }
    expect(ids('🎉🎉')).toEqual([]);
  });
});

describe('AuthorMatcher', () => {
  const authors = new AuthorMatcher([
    create(CatalogItemSchema, {
      id: 'MA-0001',
      authors: [{ nameJa: '尾田栄一郎', nameEn: 'Eiichiro Oda', role: 'story_and_art' }],
    }),
    create(CatalogItemSchema, {
      id: 'MA-0089',
      authors: [{ nameJa: '藤子・F・不二雄', nameEn: 'Fujiko F. Fujio', role: 'story_and_art' }],
    }),
  ]);
  const found = (query: string) => authors.match(query).map((m) => m.id);

  it('finds an author in either script and either name order (ja + en)', () => {
    for (const query of [
      '尾田栄一郎',
      'Eiichiro Oda',
      'oda eiichiro',
      'books by eiichiro oda',
      '尾田栄一郎の漫画',
    ]) {
      expect(found(query)).toEqual(['MA-0001']);
    }
    expect(found('藤子F不二雄')).toEqual(['MA-0089']);
    expect(found('おだえいいちろう')).toEqual(['MA-0001']);
  });

  it('does not find an author from part of a word', () => {
    expect(found('odd questions')).toEqual([]);
  });
});
