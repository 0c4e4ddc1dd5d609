import { hasTextContent } from './content-guard';

describe('hasTextContent', () => {
  it('is true for Japanese and English words and for numbers', () => {
    expect(hasTextContent('こんにちは')).toBe(true);
    expect(hasTextContent('漫')).toBe(true);
    expect(hasTextContent('hi!')).toBe(true);
    expect(hasTextContent('250')).toBe(true);
  });

  it('is false for emoji, punctuation, symbols and control characters only', () => {
    for (const text of [
      '🙂👍🏽',
      '？！。、',
      '...!!!',
      '★☆♪',
      '\u0000\u0001\u0007',
      '\u200b\ufeff',
      '\uD800',
    ]) {
      expect(hasTextContent(text)).toBe(false);
    }
  });
});
