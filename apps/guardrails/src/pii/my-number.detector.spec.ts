import { normalizeText } from '@mangaassist/text';
import { MyNumberDetector, myNumberCheckDigit, myNumberValid } from './my-number.detector';

const detector = new MyNumberDetector();
const found = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

// 12345678901 -> weighted sum 212, 212 mod 11 = 3, check digit 11 - 3 = 8.
const VALID = '123456789018';

describe('myNumberCheckDigit', () => {
  it('computes the check digit with the published weights', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(myNumberValid(VALID)).toBe(true);
    expect(myNumberValid('123456789012')).toBe(false);
  });

  it('uses 0 when the remainder is 0 or 1', () => {
    // 00000000000 sums to 0.
    expect(myNumberCheckDigit('00000000000')).toBe(0);
  });
});

describe('MyNumberDetector', () => {
  it('finds a valid number in Japanese text, plain or grouped', () => {
    expect(found(`マイナンバーは${VALID}です`)).toEqual([VALID]);
    expect(found('個人番号：１２３４ ５６７８ ９０１８')).toEqual(['1234 5678 9018']);
  });

  it('finds a hyphenated number in English text', () => {
    expect(found('My Number card: 1234-5678-9018.')).toEqual(['1234-5678-9018']);
  });

  it.each([
    ['an invalid check digit', 'マイナンバーは123456789012です'],
    ['mixed separators', 'ID 1234-5678 9018'],
    ['a card-shaped run', 'Card 4111 1111 1111 1111'],
    ['an order id', 'Order 250-1234567-1234567'],
    ['a 13-digit ISBN', 'ISBN 9784088826790'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
