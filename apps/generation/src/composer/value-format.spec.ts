import { formatDate, formatVolumeCount, formatYen, joinChoices, joinList } from './value-format';

describe('value formats', () => {
  it('writes yen the Japanese and the English way, with thousands separators', () => {
    expect(formatYen(528, 'ja')).toBe('528円');
    expect(formatYen(528, 'en')).toBe('¥528');
    expect(formatYen(50200, 'ja')).toBe('50,200円');
    expect(formatYen(50200, 'en')).toBe('¥50,200');
    expect(formatYen(1234567, 'en')).toBe('¥1,234,567');
  });

  it('writes dates as 2026年12月4日 in Japanese and keeps ISO in English', () => {
    expect(formatDate('2026-12-04', 'ja')).toBe('2026年12月4日');
    expect(formatDate('2027-01-15', 'ja')).toBe('2027年1月15日');
    expect(formatDate('2026-12-04', 'en')).toBe('2026-12-04');
    expect(formatDate('soon', 'ja')).toBe('soon');
  });

  it('counts volumes per locale', () => {
    expect(formatVolumeCount(116, 'ja')).toBe('116巻');
    expect(formatVolumeCount(116, 'en')).toBe('116 volumes');
    expect(formatVolumeCount(1, 'en')).toBe('1 volume');
  });

  it('joins lists per locale', () => {
    expect(joinList(['A', 'B', 'C'], 'ja')).toBe('A・B・C');
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(joinChoices(['A', 'B'], 'en')).toBe('A or B');
    expect(joinChoices(['A', 'B'], 'ja')).toBe('A、B');
  });
});
