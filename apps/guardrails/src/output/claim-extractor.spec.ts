import { extractClaims } from './claim-extractor';

const claims = (text: string) =>
  extractClaims(text, []).map((c) => `${c.kind}:${c.text}:${c.numbers.join('/') || c.dateKey}`);

describe('extractClaims', () => {
  it('extracts Japanese numbers with units, dates and years', () => {
    expect(
      claims(
        'ONE PIECEは116巻まで発売中。第117巻は2026年12月4日発売で、紙の本は528円、セットは50,200円。1997年連載開始。',
      ),
    ).toEqual([
      'volume:116巻:116',
      'volume:第117巻:117',
      'date:2026年12月4日:2026-12-4',
      'price:528円:528',
      'price:50,200円:50200',
      'year:1997年:1997',
    ]);
  });

  it('extracts English numbers with units, dates and years', () => {
    expect(
      claims(
        'One Piece has 116 volumes; vol. 117 comes out on December 4, 2026 for ¥528 (JPY 50,200 for the box set). It started in 1997.',
      ),
    ).toEqual([
      'volume:116 volumes:116',
      'volume:vol. 117:117',
      'date:December 4, 2026:2026-12-4',
      'price:¥528:528',
      'price:JPY 50,200:50200',
      'year:1997:1997',
    ]);
  });

  it('extracts percentages, durations and ranges', () => {
    expect(claims('ポイントは1%、30日以内に返品、2〜4営業日でお届け')).toEqual([
      'percent:1%:1',
      'duration:30日以内:30',
      'duration:2〜4営業日:2/4',
    ]);
    expect(
      claims(
        'Points are 1% and returns are accepted within 30 days; delivery takes 2 to 4 business days',
      ),
    ).toEqual(['percent:1%:1', 'duration:30 days:30', 'duration:2 to 4 business days:2/4']);
  });

  it('skips numbers without a unit and numbers inside a title', () => {
    const text = 'Mob Psycho 100 is great, call me at 14:00';
    const title = { start: 0, end: 14, surface: 'Mob Psycho 100', ids: ['MA-0029'] };
    expect(extractClaims(text, [title]).map((c) => c.kind)).toEqual(['title']);
  });

  it('counts a repeated claim once', () => {
    expect(claims('528円です。はい、528円です。')).toEqual(['price:528円:528']);
  });
});
