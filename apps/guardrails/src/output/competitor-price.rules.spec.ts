import { competitorPriceSentences } from './competitor-price.rules';

describe('competitorPriceSentences', () => {
  it('finds competitor prices in Japanese and English', () => {
    expect(competitorPriceSentences('当店は528円です。Amazonでは480円です。')).toEqual([
      'Amazonでは480円です。',
    ]);
    expect(competitorPriceSentences('楽天ブックスなら¥500で買えます')).toHaveLength(1);
    expect(competitorPriceSentences('Our price is 528 yen. Rakuten sells it for 500 yen.')).toEqual(
      ['Rakuten sells it for 500 yen.'],
    );
    expect(competitorPriceSentences('Other stores charge 600 yen for it')).toHaveLength(1);
  });

  it('ignores the Kindle edition, competitor names without prices and prices alone', () => {
    expect(competitorPriceSentences('Kindle版は528円です。')).toEqual([]);
    expect(competitorPriceSentences('Amazonのアカウントは不要です。価格は528円です。')).toEqual([]);
    expect(competitorPriceSentences('The Kindle edition costs 528 yen.')).toEqual([]);
  });
});
