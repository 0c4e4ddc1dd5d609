/**
 * Reciprocal rank fusion (Cormack et al., 2009): Σ 1 / (k + rank) over the ranked lists a
 * document appears in. Needs only ranks, so BM25 scores and cosine similarities, which live on
 * unrelated scales, combine without calibration; k = 60 is the paper's and OpenSearch's default.
 */
export function reciprocalRankFusion(
  lists: readonly (readonly string[])[],
  k = 60,
): Map<string, number> {
  const fused = new Map<string, number>();
  for (const list of lists) {
    list.forEach((id, i) => fused.set(id, (fused.get(id) ?? 0) + 1 / (k + i + 1)));
  }
  return fused;
}
