import { dateKeys, findDates } from './date-mentions';

const dates = (text: string) =>
  findDates(text).map((d) => [text.slice(d.start, d.end), dateKeys(d)[0]]);

describe('findDates', () => {
  it('reads ISO and Japanese dates', () => {
    expect(dates('発売日は2026-12-04、次は2027年1月9日、年末は12月29日〜1月3日')).toEqual([
      ['2026-12-04', '2026-12-4'],
      ['2027年1月9日', '2027-1-9'],
      ['12月29日', '12-29'],
      ['1月3日', '1-3'],
    ]);
  });

  it('reads English dates with and without a year', () => {
    expect(dates('Out on December 4, 2026; closed from December 29 to 3 January.')).toEqual([
      ['December 4, 2026', '2026-12-4'],
      ['December 29', '12-29'],
      ['3 January', '1-3'],
    ]);
  });

  it('reads year-month dates and rejects impossible ones', () => {
    expect(dates('2026年12月発売、March 2027, 2026-13-40')).toEqual([
      ['2026年12月', '2026-12'],
      ['March 2027', '2027-3'],
    ]);
  });
});
