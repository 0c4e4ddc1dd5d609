import { MAX_CHUNK, MIN_CHUNK, chunkAnswer } from './answer-chunker';

const length = (text: string) => Array.from(text).length;

describe('chunkAnswer', () => {
  const japanese =
    '『ONE PIECE』の次の巻（第117巻）は2026年12月4日発売予定です。現在、予約を受け付けています。価格は各巻、紙の本528円、Kindle版528円（税込）です。ボックスセット（第1〜100巻）は50,200円（税込）です。';
  const english =
    'The next volume of One Piece, volume 117, is scheduled for release on 2026-12-04. Preorders are open now. It costs ¥528 in print and ¥528 on Kindle per volume (tax included). A box set of One Piece (volumes 1-100) is available for ¥50,200 (tax included).';

  it.each([
    ['ja', japanese],
    ['en', english],
  ])('cuts a %s answer into pieces that join back to it exactly', (_locale, text) => {
    const chunks = chunkAnswer(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(2);
  });

  it.each([
    // Japanese pieces end on 。 or 、; English ones on a space after a word, never mid-word.
    ['ja', japanese, /[。、]$/u],
    ['en', english, /\S\s$/u],
  ])('keeps %s pieces near 20-60 characters and on natural breaks', (_locale, text, end) => {
    const chunks = chunkAnswer(text);
    for (const chunk of chunks.slice(0, -1)) {
      expect(length(chunk)).toBeGreaterThanOrEqual(MIN_CHUNK);
      expect(length(chunk)).toBeLessThanOrEqual(MAX_CHUNK + MIN_CHUNK);
      expect(chunk).toMatch(end);
    }
  });

  it('never cuts inside a price, a date or a volume range', () => {
    const pieces = [...chunkAnswer(japanese), ...chunkAnswer(english)];
    for (const value of ['50,200円', '2026年12月4日', '¥50,200', '2026-12-04', '1-100', '528円']) {
      const containing = [japanese, english].filter((t) => t.includes(value)).length;
      expect(pieces.filter((p) => p.includes(value)).length).toBeGreaterThanOrEqual(containing);
    }
  });

  it('sends a short answer as one piece', () => {
    expect(chunkAnswer('One Piece has 116 volumes out so far.')).toEqual([
      'One Piece has 116 volumes out so far.',
    ]);
    expect(chunkAnswer('『ONE PIECE』は現在116巻まで発売されています。')).toEqual([
      '『ONE PIECE』は現在116巻まで発売されています。',
    ]);
    expect(chunkAnswer('')).toEqual([]);
  });

  it('splits long runs without punctuation and never breaks a surrogate pair', () => {
    const text = '📚'.repeat(150) + 'あ'.repeat(200) + ' word'.repeat(100) + '\uD800';
    const chunks = chunkAnswer(text);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) {
      expect(length(chunk)).toBeLessThanOrEqual(MAX_CHUNK + MIN_CHUNK);
      expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]/u);
    }
  });

  it('handles 10,000 characters quickly', () => {
    const text = 'ワンピースの最新刊は？'.repeat(1000);
    const started = performance.now();
    const chunks = chunkAnswer(text);
    expect(chunks.join('')).toBe(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
