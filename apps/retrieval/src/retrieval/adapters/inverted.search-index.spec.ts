import { NO_FILTER } from '../document-filter';
import {
  contractCorpus,
  describeEmbeddedIndexRobustness,
  describeSearchIndexContract,
} from '../search-index.contract';
import { InvertedSearchIndex } from './inverted.search-index';

describeSearchIndexContract('embedded inverted index', async () => new InvertedSearchIndex(), {
  upsert: true,
});
describeEmbeddedIndexRobustness('InvertedSearchIndex', () => new InvertedSearchIndex());

describe('InvertedSearchIndex', () => {
  let index: InvertedSearchIndex;
  beforeAll(async () => {
    index = new InvertedSearchIndex();
    await index.replaceAll(contractCorpus());
  });
  const search = (text: string) =>
    index.search({ text, filter: NO_FILTER, kindWeights: { item: 1, policy: 1 }, limit: 10 });

  it('tolerates typos and partial words in English', async () => {
    expect((await search('one peace'))[0]?.id).toBe('MA-0001');
    expect((await search('psycholog'))[0]?.id).toMatch(/MA-0046|MA-0152/);
  });

  it('finds Japanese text through bigrams, in any kana script or width', async () => {
    expect((await search('頭脳戦の漫画'))[0]?.id).toBe('MA-0046');
    expect((await search('ﾃﾞｽﾉｰﾄ'))[0]?.id).toBe('MA-0046');
    expect((await search('でぃすのーと')).map((h) => h.id)).not.toContain('MA-0001');
    expect((await search('わんぴーす'))[0]?.id).toBe('MA-0001');
  });

  it('finds a genre through its words in the other language (index-side lexicon)', async () => {
    expect((await search('サイコ サスペンス')).map((h) => h.id).sort()).toEqual([
      'MA-0046',
      'MA-0152',
    ]);
    expect((await search('海賊'))[0]?.id).toBe('MA-0001');
  });

  it('returns hits as decoded documents with per-field scores', async () => {
    const [hit] = await search('Eiichiro Oda');
    expect(hit.document.content.case).toBe('item');
    expect(hit.fieldScores.author).toBeGreaterThan(0);
    expect(hit.fieldScores.policy_body).toBeUndefined();
  });
});
