import { loadStoreSnapshot } from '@mangaassist/store-data';
import { normalizeText } from '@mangaassist/text';
import { CatalogVocabulary } from './catalog-vocabulary';

describe('CatalogVocabulary on the shipped catalog', () => {
  let vocabulary: CatalogVocabulary;

  beforeAll(async () => {
    vocabulary = CatalogVocabulary.fromItems((await loadStoreSnapshot()).items);
  });

  const titles = (text: string) =>
    vocabulary.findTitles(normalizeText(text)).map((m) => [m.surface, m.ids.join(',')]);

  it('finds Japanese titles, keeping the longest of nested ones', () => {
    expect(titles('ONE PIECEと新テニスの王子様の新刊')).toEqual([
      ['ONE PIECE', 'MA-0001'],
      ['新テニスの王子様', 'MA-0043'],
    ]);
  });

  it('finds English titles with their subtitle or main title only', () => {
    expect(titles('Boruto: Two Blue Vortex follows Naruto; Demon Slayer ended.')).toEqual([
      ['Boruto: Two Blue Vortex', 'MA-0004'],
      ['Naruto', 'MA-0002'],
      ['Demon Slayer', 'MA-0008'],
    ]);
  });

  it('maps a shared short title to every series it can mean', () => {
    expect(titles('BORUTOの最新刊')).toEqual([['BORUTO', 'MA-0003,MA-0004']]);
  });

  it('ignores lowercase phrases and everyday words unless quoted or numbered', () => {
    expect(titles('one piece of advice: keep it real, in touch with the 日常')).toEqual([]);
    expect(titles('『タッチ』と「日常」、Real vol. 15')).toEqual([
      ['タッチ', 'MA-0138'],
      ['日常', 'MA-0254'],
      ['Real', 'MA-0039'],
    ]);
  });

  it('does not match inside longer Latin words', () => {
    expect(titles('Akiras and Narutomaki')).toEqual([]);
  });

  it('finds titles and author names as public names', () => {
    const text = normalizeText('作者は尾田栄一郎さん、からかい上手の高木さん');
    const spans = vocabulary.findPublicNames(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(expect.arrayContaining(['尾田栄一郎', 'からかい上手の高木さん']));
  });
});
