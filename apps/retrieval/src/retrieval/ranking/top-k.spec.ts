import { reciprocalRankFusion } from './reciprocal-rank-fusion';
import { topK } from './top-k';

describe('topK', () => {
  it('picks the best positions, best first, ties to the lower tie key', () => {
    const scores = [0.5, 3, 0, 3, -1, 2, Number.NaN, 1];
    expect(topK(scores.length, (i) => scores[i], 3)).toEqual([1, 3, 5]);
    expect(
      topK(
        scores.length,
        (i) => scores[i],
        3,
        (i) => -i,
      ),
    ).toEqual([3, 1, 5]);
    expect(topK(scores.length, (i) => scores[i], 100)).toEqual([1, 3, 5, 7, 0]);
    expect(topK(scores.length, (i) => scores[i], 0)).toEqual([]);
  });

  it('agrees with a full sort on many candidates', () => {
    const scores = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1000) / 10);
    const expected = scores
      .map((score, i) => ({ score, i }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .filter((e) => e.score > 0)
      .slice(0, 60)
      .map((e) => e.i);
    expect(topK(scores.length, (i) => scores[i], 60)).toEqual(expected);
  });
});

describe('reciprocalRankFusion', () => {
  it('rewards documents high in both lists', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['c', 'b', 'd'],
    ]);
    expect(fused.get('b')).toBeCloseTo(2 / 62);
    expect((fused.get('b') ?? 0) > (fused.get('a') ?? 0)).toBe(true);
    expect(fused.get('d')).toBeCloseTo(1 / 63);
  });
});
