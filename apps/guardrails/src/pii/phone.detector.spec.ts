import { normalizeText } from '@mangaassist/text';
import { PhoneDetector } from './phone.detector';

const detector = new PhoneDetector();
const found = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('PhoneDetector', () => {
  it.each([
    ['携帯は090-1234-5678です', '090-1234-5678'],
    ['080 1234 5678に電話してください', '080 1234 5678'],
    ['07012345678までお願いします', '07012345678'],
    ['電話番号：０９０－１２３４－５６７８', '090-1234-5678'],
    ['自宅は03-1234-5678です', '03-1234-5678'],
    ['大阪の06-1234-5678', '06-1234-5678'],
    ['フリーダイヤル0120-123-456', '0120-123-456'],
    ['フリーダイヤル0120-55-8123まで', '0120-55-8123'],
    ['(03)1234-5678まで', '(03)1234-5678'],
    ['050ー1234ー5678に', '050ー1234ー5678'],
    ['携帯090―1234―5678まで', '090―1234―5678'],
    ['電話番号は090・4412・8803です', '090・4412・8803'],
  ])('finds Japanese-written numbers: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['Call me on +81 90 1234 5678 please', '+81 90 1234 5678'],
    ['Office: +81-3-1234-5678.', '+81-3-1234-5678'],
    ['My mobile is +819012345678', '+819012345678'],
    ['Landline 0312345678 after 6pm', '0312345678'],
  ])('finds English-written numbers: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['an order id', '注文番号250-1234567-1234567の配送状況'],
    ['an ISBN', 'ISBN 978-4-08-882679-0 の本'],
    ['a price', 'ONE PIECEは1冊528円、セットは50,200円です'],
    ['a year and volume', 'Published in 2026, volume 117 of 116'],
    ['a postal code', '〒150-0041 東京都渋谷区'],
    ['an ISO date', 'Release date 2026-12-04'],
    ['a too-short number', 'Call 03-1234-567'],
    ['a number starting 00', 'Dial 0012345678 abroad'],
    ['an 11-digit landline shape', '03-1234-56789'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
