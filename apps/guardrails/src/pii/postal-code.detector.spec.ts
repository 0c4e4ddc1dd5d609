import { normalizeText } from '@mangaassist/text';
import { PostalCodeDetector } from './postal-code.detector';

const detector = new PostalCodeDetector();
const found = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('PostalCodeDetector', () => {
  it.each([
    ['〒150-0041 東京都渋谷区神南', '〒150-0041'],
    ['送り先：〒1500041', '〒1500041'],
    ['〒１５０－００４１', '〒150-0041'],
    ['住所は150-0041 東京都渋谷区です', '150-0041'],
    ['郵便番号1500041でお願いします', '1500041'],
    ['The zip is 5300001, Osaka.', '5300001'],
  ])('finds Japanese-written codes: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['1-2-3 Jinnan, Shibuya-ku, Tokyo 150-0041', '150-0041'],
    ['My zip is 530-0001', '530-0001'],
    ['Postal code: 1500041', '1500041'],
  ])('finds English-written codes: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['a bare code without an address context', '商品コード150-0041について'],
    ['a bare code in English without context', 'Ref 150-0041 was mentioned'],
    ['an order id', '注文番号250-1234567-1234567'],
    ['a phone number', '03-1234-5678'],
    ['a price range', 'Prices 500-1000 yen'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
