import { extractOrderId } from './order-id.extractor';

describe('extractOrderId', () => {
  it.each([
    ['注文番号 250-1234567-1234567 の配送状況は？', '250-1234567-1234567'],
    ['注文番号は２５０－１２３４５６７－１２３４５６７です', '250-1234567-1234567'],
    ['250ー1234567ー1234567が届かない', '250-1234567-1234567'],
    ['注文番号：9876543210について', '9876543210'],
  ])('finds the order number in the Japanese %s', (text, id) => {
    expect(extractOrderId(text)).toBe(id);
  });

  it.each([
    ['where is order 250-1234567-1234567?', '250-1234567-1234567'],
    ['Order number: 111-2223334-4445556', '111-2223334-4445556'],
    ['my order # 250 - 1234567 - 1234567 is late', '250-1234567-1234567'],
    ['order no. 12345678 has not shipped', '12345678'],
  ])('finds the order number in the English %s', (text, id) => {
    expect(extractOrderId(text)).toBe(id);
  });

  it.each([
    'ワンピース 107巻はいくら？',
    '電話番号は 03-1234-5678 です',
    'is 1000 yen the limit',
    'ISBN 978-4-08-883512-3',
    '1250-1234567-12345678',
    'I want to order 3 volumes',
  ])('finds nothing in %s', (text) => {
    expect(extractOrderId(text)).toBe('');
  });
});
