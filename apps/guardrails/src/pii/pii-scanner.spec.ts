import { normalizeText } from '@mangaassist/text';
import type { PublicNameFinder } from './pii-detector';
import { resolveOverlaps } from './overlap-resolution';
import { PiiScanner } from './pii-scanner';
import { redactSpans } from './redaction';

const scanner = PiiScanner.withDefaultDetectors();
const redact = (text: string) => {
  const normalized = normalizeText(text);
  return redactSpans(normalized, scanner.scan(normalized));
};

describe('PiiScanner', () => {
  it('redacts every type in a Japanese message', () => {
    expect(
      redact(
        '山田太郎様、〒150-0041 東京都渋谷区神南1-2-3、電話０９０－１２３４－５６７８、taro@example.jp',
      ),
    ).toBe('[PERSON]様、[POSTAL_CODE] [ADDRESS]、電話[PHONE]、[EMAIL]');
  });

  it('redacts every type in an English message', () => {
    expect(
      redact(
        'My name is Jane Doe, card 4111 1111 1111 1111, My Number 1234-5678-9018, call +81 90 1234 5678',
      ),
    ).toBe('My name is [PERSON], card [CREDIT_CARD], My Number [MY_NUMBER], call [PHONE]');
  });

  it('leaves order ids, ISBNs, prices, years and volume numbers intact', () => {
    const texts = [
      '注文番号250-1234567-1234567の状況を教えて',
      'Order 171-9876543-2109876 has not arrived',
      'ISBN 978-4-08-882679-0 と 9784088826790',
      'ONE PIECE 116巻は528円、2026年12月4日発売、セットは50,200円',
      'Volume 117 of One Piece costs 528 yen and comes out in 2026',
    ];
    for (const text of texts) expect(redact(text)).toBe(normalizeText(text));
  });

  it('does not find a Luhn-valid card inside an order id', () => {
    // 250-1234567-1234567 is 17 digits; make sure the protector, not luck, keeps it intact.
    const digits = '25012345671234567';
    const luhnOk =
      [...Array(10).keys()]
        .map((d) => `${digits.slice(0, 16)}${d}`)
        .find((candidate) => scanner.scan(candidate).some((s) => s.type === 'CREDIT_CARD')) ?? '';
    expect(luhnOk).toHaveLength(17);
    const orderId = `${luhnOk.slice(0, 3)}-${luhnOk.slice(3, 10)}-${luhnOk.slice(10)}`;
    expect(scanner.scan(`Order ${orderId}`)).toEqual([]);
  });

  it('keeps the longest span when candidates overlap', () => {
    expect(
      resolveOverlaps([
        { type: 'PHONE', start: 0, end: 10 },
        { type: 'CREDIT_CARD', start: 0, end: 19 },
        { type: 'PERSON', start: 25, end: 27 },
        { type: 'EMAIL', start: 25, end: 27 },
      ]),
    ).toEqual([
      { type: 'CREDIT_CARD', start: 0, end: 19 },
      { type: 'EMAIL', start: 25, end: 27 },
    ]);
  });

  it('drops PERSON spans that are public names', () => {
    const publicNames: PublicNameFinder = {
      findPublicNames: (text) => {
        const at = text.indexOf('からかい上手の高木さん');
        return at < 0 ? [] : [{ start: at, end: at + 'からかい上手の高木さん'.length }];
      },
    };
    const withNames = PiiScanner.withDefaultDetectors(publicNames);
    expect(withNames.scan('からかい上手の高木さんの新刊')).toEqual([]);
    expect(withNames.scan('高木さんに届けて')).toEqual([{ type: 'PERSON', start: 0, end: 2 }]);
  });

  it('survives odd text', () => {
    for (const text of [
      '🎉🎉🎉',
      '\u0000\u0007abc',
      'x'.repeat(10_000),
      '9'.repeat(5_000),
      'abc\uFFFDdef',
    ]) {
      expect(() => scanner.scan(normalizeText(text))).not.toThrow();
    }
  });
});
