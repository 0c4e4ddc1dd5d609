import { Format, Intent } from '@mangaassist/contracts';
import type { RerankQuery } from '../reranker';
import { parseFormat, parseVolume, querySignals } from './query-signals';

const query = (text: string, extra: Partial<RerankQuery> = {}): RerankQuery => ({
  text,
  intent: Intent.UNSPECIFIED,
  titleIds: [],
  volume: 0,
  format: Format.UNSPECIFIED,
  ...extra,
});

describe('parseVolume', () => {
  it.each([
    ['ワンピース105巻はありますか', 105],
    ['呪術廻戦の第3巻', 3],
    ['ＯＮＥ　ＰＩＥＣＥ　１０７巻', 107],
    ['Is One Piece vol 105 in stock?', 105],
    ['volume 23 of Naruto', 23],
    ['vol.7 please', 7],
    ['the 12th volume of Death Note', 12],
  ])('%s -> %d', (text, volume) => expect(parseVolume(text)).toBe(volume));

  it.each(['全23巻セット', 'How many volumes are out?', '2,000円以上で送料無料', 'ナルト'])(
    '%s -> none',
    (text) => expect(parseVolume(text)).toBeUndefined(),
  );
});

describe('parseFormat', () => {
  it.each([
    ['Kindle版はありますか', 'kindle'],
    ['電子書籍で読みたい', 'kindle'],
    ['Is there an e-book?', 'kindle'],
    ['紙の本で欲しい', 'print'],
    ['Do you sell the paperback?', 'print'],
  ])('%s -> %s', (text, format) => expect(parseFormat(text)).toBe(format));

  it('names no format when none or both are asked', () => {
    expect(parseFormat('ワンピースの最新刊')).toBeUndefined();
    expect(parseFormat('print or kindle, which is cheaper?')).toBeUndefined();
  });
});

describe('querySignals', () => {
  it('prefers entities over words for volume and format', () => {
    const signals = querySignals(query('vol 3 in print', { volume: 9, format: Format.KINDLE }));
    expect(signals.volume).toBe(9);
    expect(signals.format).toBe('kindle');
  });

  it('maps English mood words to catalog genres', () => {
    const signals = querySignals(query('a scary thriller with romance'));
    expect([...signals.genresEn].sort()).toEqual(['horror', 'mystery', 'psychological', 'romance']);
    expect(signals.genresJa.size).toBe(0);
  });

  it('maps Japanese genre words to catalog genres', () => {
    const signals = querySignals(query('ホラーかミステリーの漫画、異世界ものも好き'));
    expect([...signals.genresJa].sort()).toEqual(['horror', 'isekai', 'mystery']);
    expect([...querySignals(query('料理とスポーツ')).genresJa].sort()).toEqual([
      'cooking',
      'sports',
    ]);
  });

  it('finds the policy topics a question mentions (ja + en)', () => {
    expect([...querySignals(query('送料はいくらですか')).topics]).toEqual(['shipping']);
    expect([...querySignals(query('How long does shipping take?')).topics]).toEqual(['shipping']);
    expect([...querySignals(query('返品して返金してほしい')).topics]).toEqual(['returns']);
  });

  it('prefers policies for template intents and items for product intents', () => {
    expect(querySignals(query('送料', { intent: Intent.SHIPPING_DELIVERY })).preferredKind).toBe(
      'policy',
    );
    expect(querySignals(query('one piece', { intent: Intent.PRODUCT_SEARCH })).preferredKind).toBe(
      'item',
    );
    expect(
      querySignals(query('hello', { intent: Intent.GREETING_CHITCHAT })).preferredKind,
    ).toBeUndefined();
  });

  it('keeps entity title positions and word runs for title matching', () => {
    const signals = querySignals(query('Is ONE PIECE out?', { titleIds: ['MA-0001', 'MA-0002'] }));
    expect(signals.titleRank.get('MA-0002')).toBe(1);
    expect(signals.wordRuns.has('onepiece')).toBe(true);
    expect(signals.compact).toBe('isonepieceout');
  });

  it('never throws on odd text', () => {
    for (const text of ['🎉', '\u0000\ud800', '巻'.repeat(2000), 'vol '.repeat(500)]) {
      expect(() => querySignals(query(text))).not.toThrow();
    }
  });
});
