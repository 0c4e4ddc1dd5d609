/**
 * The positions 0..count-1 with the highest scores, best first; ties go to the lower tie key
 * (the position itself by default). A bounded min-heap: O(count · log limit), so picking 60 of
 * 20,000 candidates does not sort all of them. Scores of 0 or less, or not finite, are skipped.
 */
export function topK(
  count: number,
  score: (position: number) => number,
  limit: number,
  tieKey: (position: number) => number = (position) => position,
): number[] {
  if (limit <= 0) return [];
  const heapPos: number[] = [];
  const heapScore: number[] = [];
  const heapTie: number[] = [];
  // "i is worse than j": lower score, or equal score and a later tie key.
  const worse = (i: number, j: number) =>
    heapScore[i] < heapScore[j] || (heapScore[i] === heapScore[j] && heapTie[i] > heapTie[j]);
  const swap = (i: number, j: number) => {
    [heapPos[i], heapPos[j]] = [heapPos[j], heapPos[i]];
    [heapScore[i], heapScore[j]] = [heapScore[j], heapScore[i]];
    [heapTie[i], heapTie[j]] = [heapTie[j], heapTie[i]];
  };
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heapPos.length && worse(l, m)) m = l;
      if (r < heapPos.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let position = 0; position < count; position++) {
    const s = score(position);
    if (!(s > 0) || !Number.isFinite(s)) continue;
    const tie = tieKey(position);
    if (heapPos.length < limit) {
      heapPos.push(position);
      heapScore.push(s);
      heapTie.push(tie);
      for (let i = heapPos.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (s > heapScore[0] || (s === heapScore[0] && tie < heapTie[0])) {
      heapPos[0] = position;
      heapScore[0] = s;
      heapTie[0] = tie;
      down(0);
    }
  }
  return heapPos
    .map((position, i) => ({ position, score: heapScore[i], tie: heapTie[i] }))
    .sort((a, b) => b.score - a.score || a.tie - b.tie)
    .map((entry) => entry.position);
}
