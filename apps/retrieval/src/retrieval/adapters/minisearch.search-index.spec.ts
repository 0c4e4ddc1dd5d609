import { NO_FILTER } from '../document-filter';
import {
  contractCorpus,
  describeEmbeddedIndexRobustness,
  describeSearchIndexContract,
} from '../search-index.contract';
import { MiniSearchIndex } from './minisearch.search-index';

describeSearchIndexContract('embedded MiniSearch index', async () => new MiniSearchIndex());
describeEmbeddedIndexRobustness('MiniSearchIndex', () => new MiniSearchIndex());

describe('MiniSearchIndex', () => {
  let index: MiniSearchIndex;
  beforeAll(async () => {
    index = new MiniSearchIndex();
    await index.replaceAll(contractCorpus());
  });
  const search = (text: string) =>
    index.search({ text, filter: NO_FILTER, kindWeights: { item: 1, policy: 1 }, limit: 10 });

  it('tolerates typos and partial words in English', async () => {
    expect((await search('one peace'))[0]?.id).toBe('MA-0001');
    expect((await search('psycholog'))[0]?.id).toMatch(/MA-0046|MA-0152/);
  });

  it('finds Japanese text through bigrams when ICU splits words differently', async () => {
    expect((await search('頭脳戦の漫画'))[0]?.id).toBe('MA-0046');
    expect((await search('ﾃﾞｽﾉｰﾄ'))[0]?.id).toBe('MA-0046');
  });
});
