import { normalizeText } from '@mangaassist/text';
import { EmailDetector } from './email.detector';

const detector = new EmailDetector();
const found = (text: string) => {
  const normalized = normalizeText(text);
  return detector.detect(normalized).map((s) => normalized.slice(s.start, s.end));
};

describe('EmailDetector', () => {
  it('finds an address inside a Japanese sentence', () => {
    expect(found('連絡先はtaro.yamada@example.co.jpです。')).toEqual(['taro.yamada@example.co.jp']);
  });

  it('finds a full-width address after NFKC', () => {
    expect(found('メール：ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual(['hanako@example.com']);
  });

  it('finds plus-addressed English addresses', () => {
    expect(found('Email me at jane.doe+manga@mail.example.org, thanks!')).toEqual([
      'jane.doe+manga@mail.example.org',
    ]);
  });

  it.each([
    ['a social handle', 'フォローは@manga_hondanaまで'],
    ['an at-sign in prose', 'Price @ 528 yen each'],
    ['an address without a domain', 'user@localhost の設定'],
  ])('ignores %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });
});
