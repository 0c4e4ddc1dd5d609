import { PiiScanner } from './pii-scanner';
import { normalizeText } from '@mangaassist/text';
import { InternationalPhoneDetector } from './international-phone.detector';
import { MyNumberDetector } from './my-number.detector';
import type { PiiDetector } from './pii-detector';
import { StreetAddressDetector } from './street-address.detector';
import { UsZipDetector } from './us-zip.detector';

const found = (detector: PiiDetector, text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('InternationalPhoneDetector', () => {
  const detector = new InternationalPhoneDetector();
  it.each([
    ['Call me at (415) 555-0132 tomorrow', '(415) 555-0132'],
    ['my cell is 415-555-0132 x204', '415-555-0132 x204'],
    ['+1 212 555 0147 is my office', '+1 212 555 0147'],
    ['UK number: +44 20 7946 0958', '+44 20 7946 0958'],
    ['Paris +33 1 42 68 53 00', '+33 1 42 68 53 00'],
  ])('%s', (text, expected) => {
    expect(found(detector, text)).toEqual([expected]);
  });

  it.each([
    '090-1234-5678',
    '2026-12-04 release',
    'ISBN 4-08-882013-1',
    'vol 1-10 of 20',
    '+81 90 1234 5678',
    '1234567890',
  ])('leaves %s to others or alone', (text) => {
    expect(found(detector, text)).toEqual([]);
  });
});

describe('StreetAddressDetector and UsZipDetector', () => {
  it('finds a US street address with unit, city, state and ZIP', () => {
    expect(
      found(
        new StreetAddressDetector(),
        'Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 please',
      ),
    ).toEqual(['1600 Pennsylvania Avenue NW, Washington, DC 20500']);
    expect(found(new StreetAddressDetector(), 'I live at 42 Elm St., Apt 5, Springfield')).toEqual([
      '42 Elm St., Apt 5, Springfield',
    ]);
    expect(found(new UsZipDetector(), 'Springfield, IL 62704')).toEqual(['62704']);
    expect(found(new UsZipDetector(), 'zip code: 94103-1234')).toEqual(['94103-1234']);
    expect(found(new UsZipDetector(), 'my zip is 10027, thanks')).toEqual(['10027']);
    expect(found(new UsZipDetector(), '15 Queen St., Toronto, ON M5H 2N2')).toEqual(['M5H 2N2']);
    expect(found(new UsZipDetector(), 'the ON A1 button')).toEqual([]);
    expect(found(new StreetAddressDetector(), 'now at 512 W 122nd St, Apt 6F, New York')).toEqual([
      '512 W 122nd St, Apt 6F, New York',
    ]);
  });

  it('keeps the ZIP code its own span when an address runs into it', () => {
    const text = 'Ship to 418 Maple Ave, Apt 3B, Portland, OR 97205';
    const spans = PiiScanner.withDefaultDetectors()
      .scan(text)
      .map((span) => `${span.type}:${text.slice(span.start, span.end)}`);
    expect(spans).toEqual(['ADDRESS:418 Maple Ave, Apt 3B, Portland, OR', 'POSTAL_CODE:97205']);
  });

  it('does not read volume counts or prices as addresses or ZIP codes', () => {
    expect(found(new StreetAddressDetector(), 'I have 12 One Piece Volumes')).toEqual([]);
    expect(found(new UsZipDetector(), 'It costs 12000 yen, order 55555')).toEqual([]);
  });
});

describe('MyNumberDetector next to other 12-digit numbers', () => {
  const detector = new MyNumberDetector();
  it('skips a valid-looking number labelled as a tracking or membership number', () => {
    expect(found(detector, '追跡番号 1234 5678 9018 で調べました')).toEqual([]);
    expect(found(detector, 'tracking number 1234-5678-9018')).toEqual([]);
    expect(found(detector, 'マイナンバーは1234 5678 9018です')).toEqual(['1234 5678 9018']);
  });
});
