import { Format } from '@mangaassist/contracts';
import { extractFormat } from './format.extractor';

describe('extractFormat', () => {
  it.each([
    ['Kindle版はありますか', Format.KINDLE],
    ['電子書籍で読みたい', Format.KINDLE],
    ['電子で買えますか', Format.KINDLE],
    ['ｋｉｎｄｌｅ版の値段', Format.KINDLE],
    ['紙の本で欲しい', Format.PRINT],
    ['単行本はいくら', Format.PRINT],
    ['紙で買いたい', Format.PRINT],
  ])('reads the Japanese %s', (text, format) => {
    expect(extractFormat(text)).toBe(format);
  });

  it.each([
    ['how much is the kindle version', Format.KINDLE],
    ['is there an ebook', Format.KINDLE],
    ['digital edition please', Format.KINDLE],
    ['is the print edition in stock', Format.PRINT],
    ['I want a paperback', Format.PRINT],
    ['physical copy of vol 3', Format.PRINT],
  ])('reads the English %s', (text, format) => {
    expect(extractFormat(text)).toBe(format);
  });

  it.each([
    '電子マネーで払えますか',
    '手紙を同封できますか',
    '紙袋に入れてほしい',
    'can I print the receipt',
    'how do i print a return label',
    'Kindleと紙の本どっちが安い？',
    'is the kindle cheaper than print',
    'ワンピースの新刊',
  ])('names no single format in %s', (text) => {
    expect(extractFormat(text)).toBe(Format.UNSPECIFIED);
  });
});
