import { weightedEditDistance } from './fuzzy-distance';

describe('weightedEditDistance', () => {
  it('counts one insertion, deletion, substitution or transposition as 1', () => {
    expect(weightedEditDistance('jujutsukaisenn', 'jujutsukaisen', 1)).toBe(1);
    expect(weightedEditDistance('narto', 'naruto', 1)).toBe(1);
    expect(weightedEditDistance('bleach', 'bleech', 1)).toBe(0.5);
    expect(weightedEditDistance('kingdmo', 'kingdom', 1)).toBe(1);
    expect(weightedEditDistance('berserk', 'berserk', 1)).toBe(0);
  });

  it('charges half for a vowel heard as another vowel', () => {
    expect(weightedEditDistance('onepeace', 'onepiece', 1)).toBe(1);
    expect(weightedEditDistance('haikyo', 'haikyu', 1)).toBe(0.5);
  });

  it('gives up beyond the limit', () => {
    expect(weightedEditDistance('onepunchman', 'onepiece', 1)).toBe(Number.POSITIVE_INFINITY);
    expect(weightedEditDistance('abcdef', 'uvwxyz', 1)).toBe(Number.POSITIVE_INFINITY);
    expect(weightedEditDistance('naruto', 'nrt', 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
