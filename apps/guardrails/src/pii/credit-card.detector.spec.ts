import { normalizeText } from '@mangaassist/text';
import { CreditCardDetector, luhnValid } from './credit-card.detector';

const detector = new CreditCardDetector();
const found = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('luhnValid', () => {
  it('accepts test card numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});

describe('CreditCardDetector', () => {
  it.each([
    ['カード番号は4111 1111 1111 1111です', '4111 1111 1111 1111'],
    ['カード：５５５５－５５５５－５５５５－４４４４', '5555-5555-5555-4444'],
    ['JCB 3530111333300000 で払いたい', '3530111333300000'],
  ])('finds cards in Japanese text: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['My card is 4111-1111-1111-1111, exp 12/28', '4111-1111-1111-1111'],
    ['Amex 3782 822463 10005 please', '3782 822463 10005'],
    ['card 4111 1111 1111 1111 22 ok', '4111 1111 1111 1111'],
  ])('finds cards in English text: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['a Luhn-invalid number', 'カード番号は4111 1111 1111 1112です'],
    ['a list of years', 'Volumes from 2023 2024 2025 2026 were reprinted'],
    ['a 12-digit number', 'ID 123456789012'],
    ['a price', '合計12,345円'],
    ['a mobile number', '090-1234-5678'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
