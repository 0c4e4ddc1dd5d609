import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { ItemFacts } from './item-facts';

describe('ItemFacts on real catalog records', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  it('formats ONE PIECE (MA-0001) in Japanese', () => {
    const f = new ItemFacts(store.item('MA-0001'), 'ja');
    expect(f.title).toBe('ONE PIECE');
    expect(f.quotedTitle).toBe('『ONE PIECE』');
    expect(f.otherTitle).toBeUndefined();
    expect(f.authorNames).toBe('尾田栄一郎');
    expect(f.volumeCount).toBe('116巻');
    expect(f.statusLabel).toBe('連載中');
    expect(f.price('print')).toBe('528円');
    expect(f.price('kindle')).toBe('528円');
    expect(f.stockLabel).toBe('在庫あり');
    expect(f.nextVolume).toEqual({
      number: 117,
      label: '第117巻',
      date: '2026年12月4日',
      preorder: true,
    });
    expect(f.boxSet).toEqual({ volumes: '第1〜100巻', price: '50,200円' });
    expect(f.startYear).toBe('1997年');
    expect(f.genreLabels).toEqual(['アクション', '冒険', 'ファンタジー', 'コメディ']);
    expect(f.demographicLabel).toBe('少年マンガ');
  });

  it('formats ONE PIECE (MA-0001) in English', () => {
    const f = new ItemFacts(store.item('MA-0001'), 'en');
    expect(f.title).toBe('One Piece');
    expect(f.authorNames).toBe('Eiichiro Oda');
    expect(f.volumeCount).toBe('116 volumes');
    expect(f.price('print')).toBe('¥528');
    expect(f.stockLabel).toBe('In Stock');
    expect(f.nextVolume?.date).toBe('2026-12-04');
    expect(f.nextVolume?.label).toBe('volume 117');
    expect(f.boxSet).toEqual({ volumes: 'volumes 1-100', price: '¥50,200' });
    expect(f.startYear).toBe('1997');
  });

  it('adds the other-language title only when it reads differently', () => {
    expect(new ItemFacts(store.item('MA-0009'), 'ja').titleWithOther).toBe(
      '『呪術廻戦』（Jujutsu Kaisen）',
    );
    expect(new ItemFacts(store.item('MA-0009'), 'en').titleWithOther).toBe(
      'Jujutsu Kaisen (呪術廻戦)',
    );
    expect(new ItemFacts(store.item('MA-0001'), 'en').titleWithOther).toBe('One Piece');
  });

  it('separates story and art credits (Boruto, MA-0003)', () => {
    const ja = new ItemFacts(store.item('MA-0003'), 'ja').authorCredit;
    expect(ja).toEqual({
      story: ['岸本斉史', '小太刀右京'],
      art: ['池本幹雄'],
      sameForBoth: false,
    });
    const en = new ItemFacts(store.item('MA-0003'), 'en').authorCredit;
    expect(en.story).toEqual(['Masashi Kishimoto', 'Ukyo Kodachi']);
    expect(new ItemFacts(store.item('MA-0001'), 'en').authorCredit.sameForBoth).toBe(true);
  });

  it('splits a magazine move (A→B) in order', () => {
    expect(new ItemFacts(store.item('MA-0003'), 'ja').magazines).toEqual([
      '週刊少年ジャンプ',
      'Vジャンプ',
    ]);
  });

  it("maps every stock code to the store's wording", () => {
    const label = (id: string, locale: 'ja' | 'en') =>
      new ItemFacts(store.item(id), locale).stockLabel;
    expect([
      label('MA-0001', 'ja'),
      label('MA-0007', 'ja'),
      label('MA-0002', 'ja'),
      label('MA-0080', 'ja'),
    ]).toEqual(['在庫あり', '残りわずか', 'お取り寄せ', '在庫切れ']);
    expect([
      label('MA-0001', 'en'),
      label('MA-0007', 'en'),
      label('MA-0002', 'en'),
      label('MA-0080', 'en'),
    ]).toEqual(['In Stock', 'Low Stock', 'Backorder', 'Out of Stock']);
  });

  it('knows print-only and Kindle-only series', () => {
    const printOnly = new ItemFacts(store.item('MA-0037'), 'en');
    expect(printOnly.soldFormats).toEqual(['print']);
    expect(printOnly.price('kindle')).toBeUndefined();
    const kindleOnly = new ItemFacts(store.item('MA-0095'), 'ja');
    expect(kindleOnly.soldFormats).toEqual(['kindle']);
    expect(kindleOnly.stockLabel).toBeUndefined();
  });

  it('labels age ratings', () => {
    expect(new ItemFacts(store.item('MA-0007'), 'ja').ageRatingLabel).toBe('全年齢');
    expect(new ItemFacts(store.item('MA-0007'), 'en').ageRatingLabel).toBe('all ages');
    expect(new ItemFacts(store.item('MA-0187'), 'en').ageRatingLabel).toBe('18+');
  });
});
