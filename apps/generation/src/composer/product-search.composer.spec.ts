import { Intent } from '@mangaassist/contracts';
import { type StoreFixtures, composeInput, storeFixtures } from '../testing/store.fixtures';
import { MAX_LISTED, composeProductSearch } from './product-search.composer';

describe('composeProductSearch on real catalog records', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  function search(question: string, locale: 'ja' | 'en', ids: string[]) {
    const input = composeInput({
      question,
      locale,
      intent: Intent.PRODUCT_SEARCH,
      evidence: store.docs(...ids),
    });
    return composeProductSearch(
      input,
      ids.map((id) => store.item(id)),
    );
  }

  it('lists up to three series, one line each, with both titles, author, volumes and status (ja)', () => {
    const a = search('おすすめのバトル漫画は？', 'ja', [
      'MA-0009',
      'MA-0001',
      'MA-0002',
      'MA-0005',
    ]);
    const lines = a.text.split('\n');
    expect(lines).toHaveLength(1 + MAX_LISTED);
    expect(lines[1]).toMatch(/^・『呪術廻戦』（Jujutsu Kaisen）：芥見下々作、全30巻・完結。/);
    expect(lines[2]).toMatch(/^・『ONE PIECE』：尾田栄一郎作、既刊116巻・連載中。/);
    expect(a.citations.map((c) => c.id)).toEqual(['MA-0009', 'MA-0001', 'MA-0002']);
    expect(a.citations[0].title).toBe('呪術廻戦');
  });

  it('lists series in English with the Japanese title in parentheses', () => {
    const a = search('Any good ninja manga?', 'en', ['MA-0002', 'MA-0004']);
    const lines = a.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^- Naruto \(NARUTO -ナルト-\) by Masashi Kishimoto: 72 volumes, completed\. Matches: ninja\.$/,
    );
    expect(lines[2]).toContain('Boruto: Two Blue Vortex (BORUTO-ボルト- -TWO BLUE VORTEX-)');
    expect(lines[2]).toContain('7 volumes so far, ongoing');
    expect(a.citations.map((c) => c.title)).toEqual(['Naruto', 'Boruto: Two Blue Vortex']);
  });

  it('gives as reason the genres and themes asked for, else the first synopsis sentence', () => {
    const en = search('romance manga set in a school', 'en', ['MA-0116']).text;
    expect(en).toContain('Matches: romance, school.');
    const ja = search('恋愛マンガを探しています', 'ja', ['MA-0116']).text;
    expect(ja).toContain('恋愛の作品です。');
    const plain = search('何か面白いの', 'ja', ['MA-0001']).text;
    expect(plain).toContain(store.item('MA-0001').synopsisJa);
  });

  it('names the series a "like X" search refers to in the lead and lists the others', () => {
    const ja = search('ワンピースみたいな漫画ある？', 'ja', ['MA-0001', 'MA-0002', 'MA-0249']);
    const lines = ja.text.split('\n');
    expect(lines[0]).toBe('『ONE PIECE』が好きな方には、こちらの作品がおすすめです。');
    expect(lines[1]).toMatch(/^・『NARUTO -ナルト-』（Naruto）：岸本斉史作/);
    expect(lines[2]).toMatch(/^・『トリコ』（Toriko）：/);
    expect(ja.citations.map((c) => c.id)).toEqual(['MA-0001', 'MA-0002', 'MA-0249']);
    const en = search('Any manga like One Piece?', 'en', ['MA-0001', 'MA-0002']);
    expect(en.text.split('\n')[0]).toBe('If you like One Piece, you may also enjoy:');
    expect(en.text).toContain('- Naruto (NARUTO -ナルト-) by Masashi Kishimoto');
  });
});
