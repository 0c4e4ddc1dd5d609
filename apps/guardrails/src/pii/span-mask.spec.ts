import { SpanMask } from './span-mask';

describe('SpanMask', () => {
  it('tells overlapping from touching spans', () => {
    const mask = SpanMask.of([{ start: 2, end: 5 }], 10);
    expect(mask.overlaps({ start: 4, end: 6 })).toBe(true);
    expect(mask.overlaps({ start: 5, end: 7 })).toBe(false);
    expect(mask.overlaps({ start: 0, end: 2 })).toBe(false);
    mask.add({ start: 8, end: 20 });
    expect(mask.overlaps({ start: 9, end: 9 + 100 })).toBe(true);
  });
});
