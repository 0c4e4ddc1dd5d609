/** nDCG@k with exponential gains (2^grade − 1), the usual learning-to-rank measure. */
export function ndcgAt(k: number, ranked: readonly number[], allGrades: readonly number[]): number {
  const dcg = (grades: readonly number[]) =>
    grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a));
  return ideal > 0 ? dcg(ranked) / ideal : 0;
}

/** Capped recall@k: relevant documents in the top k over min(k, relevant documents). */
export function recallAt(k: number, ranked: readonly number[], relevantCount: number): number {
  if (relevantCount === 0) return 0;
  return ranked.slice(0, k).filter((g) => g > 0).length / Math.min(k, relevantCount);
}
