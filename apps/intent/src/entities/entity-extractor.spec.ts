import { Format } from '@mangaassist/contracts';
import { loadStoreSnapshot } from '@mangaassist/store-data';
import { EntityExtractor } from './entity-extractor';
import { TitleIndex } from './title-index';
import { TitleExtractor } from './title.extractor';

describe('EntityExtractor', () => {
  let extractor: EntityExtractor;

  beforeAll(async () => {
    extractor = new EntityExtractor(
      new TitleExtractor(new TitleIndex((await loadStoreSnapshot()).items)),
    );
  });

  it('collects every entity of a Japanese message', () => {
    expect(extractor.extract('呪術廻戦の3巻、電子書籍で1000円以下ならほしい')).toMatchObject({
      titleMention: '呪術廻戦',
      titleIds: expect.arrayContaining(['MA-0009']),
      volume: 3,
      format: Format.KINDLE,
      maxPriceJpy: 1000,
      orderId: '',
    });
  });

  it('collects every entity of an English message', () => {
    expect(extractor.extract('is the paperback of Blue Lock vol. 5 under ¥600?')).toMatchObject({
      titleMention: 'Blue Lock',
      titleIds: ['MA-0060'],
      volume: 5,
      format: Format.PRINT,
      maxPriceJpy: 600,
    });
    expect(extractor.extract('where is order 250-1234567-1234567')).toMatchObject({
      orderId: '250-1234567-1234567',
      volume: 0,
      titleIds: [],
    });
  });

  it('returns empty entities for text with nothing to extract', () => {
    expect(extractor.extract('🙂')).toMatchObject({
      titleMention: '',
      titleIds: [],
      volume: 0,
      orderId: '',
      format: Format.UNSPECIFIED,
      maxPriceJpy: 0,
    });
  });
});
