import { extractMaxPrice } from './price-limit.extractor';

describe('extractMaxPrice', () => {
  it.each([
    ['1000円以下の漫画', 1000],
    ['¥1,000まで', 1000],
    ['￥５００以内で', 500],
    ['1万円未満で全巻買える？', 10000],
    ['予算は3000円です', 3000],
    ['千円以下で買える本', 1000],
    ['1.5万円まで', 15000],
  ])('reads the Japanese %s', (text, yen) => {
    expect(extractMaxPrice(text)).toBe(yen);
  });

  it.each([
    ['anything under 1000 yen', 1000],
    ['below ¥500', 500],
    ['less than 1,000 JPY', 1000],
    ['up to 2k yen', 2000],
    ['1000 yen or less', 1000],
    ['my budget is ¥3000', 3000],
  ])('reads the English %s', (text, yen) => {
    expect(extractMaxPrice(text)).toBe(yen);
  });

  it.each([
    '2000円以上で送料無料？',
    '3巻まで読んだ',
    'under 10 volumes',
    'within 3 days',
    'how much is it',
    '500円です',
  ])('finds no upper limit in %s', (text) => {
    expect(extractMaxPrice(text)).toBe(0);
  });
});
