import { scoreRanking } from './retrieval.suite';

const grades = (entries: [string, number][]) => new Map(entries);

describe('retrieval suite metrics', () => {
  it('scores a one-answer question by its rank', () => {
    const first = scoreRanking(['MA-0001', 'MA-0002'], grades([['MA-0001', 1]]));
    expect(first).toEqual({ 'recall@1': 1, 'recall@3': 1, 'recall@10': 1, mrr: 1, 'ndcg@10': 1 });
    const third = scoreRanking(['MA-0009', 'POL-001', 'MA-0001'], grades([['MA-0001', 1]]));
    expect(third['recall@1']).toBe(0);
    expect(third['recall@3']).toBe(1);
    expect(third.mrr).toBeCloseTo(1 / 3);
    expect(third['ndcg@10']).toBeCloseTo(0.5);
  });

  it('caps recall at k for questions with many fitting series', () => {
    const fitting = grades(['a', 'b', 'c', 'd', 'e'].map((id) => [id, 1]));
    expect(scoreRanking(['a', 'b', 'c'], fitting)['recall@3']).toBe(1);
    expect(scoreRanking(['a', 'x', 'c'], fitting)['recall@3']).toBeCloseTo(2 / 3);
    expect(scoreRanking(['a', 'b', 'c'], fitting)['recall@10']).toBeCloseTo(3 / 5);
  });

  it('uses graded judgements for nDCG and scores an empty ranking 0', () => {
    const graded = grades([
      ['MA-0002', 3],
      ['MA-0003', 1],
    ]);
    expect(scoreRanking(['MA-0002', 'MA-0003'], graded)['ndcg@10']).toBe(1);
    expect(scoreRanking(['MA-0003', 'MA-0002'], graded)['ndcg@10']).toBeLessThan(1);
    expect(scoreRanking([], graded)).toEqual({
      'recall@1': 0,
      'recall@3': 0,
      'recall@10': 0,
      mrr: 0,
      'ndcg@10': 0,
    });
  });
});
