/** One query's candidates: feature vectors and graded labels, in retrieval order. */
export interface TrainingGroup {
  features: readonly Readonly<Record<string, number>>[];
  grades: readonly number[];
}

export interface TrainingOptions {
  /** Feature names to learn weights for; others are ignored. */
  featureNames: readonly string[];
  /** Seed of the query shuffle each epoch. */
  seed: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty on the distance of the weights from the prior. */
  l2: number;
  /**
   * Weights to start from and shrink towards (0 when absent): a feature the data says nothing
   * about (no labelled query asks for a volume) keeps its prior weight instead of decaying.
   */
  prior?: Readonly<Record<string, number>>;
}

export interface TrainedWeights {
  weights: Record<string, number>;
  /** Mean pairwise logistic loss per epoch, for the training log. */
  losses: number[];
  pairs: number;
}

/**
 * A linear ranker trained with the pairwise logistic loss of RankNet (Burges et al., 2005):
 * for each pair of candidates of one query with different grades, log(1 + e^−(s_better −
 * s_worse)), weighted by the gain difference |2^g_i − 2^g_j| so that confusing the answer (3)
 * with a miss (0) costs more than two partial fits; L2 pulls the weights towards a prior. Adam
 * updates, one query per step, queries shuffled by a seeded generator: the same data, options
 * and seed give the same weights, bit for bit (double arithmetic in a fixed order).
 */
export function trainPairwise(
  groups: readonly TrainingGroup[],
  options: TrainingOptions,
): TrainedWeights {
  const names = options.featureNames;
  const d = names.length;
  const dense = groups.map((group) => ({
    x: group.features.map((f) => Float64Array.from(names, (name) => f[name] ?? 0)),
    grades: group.grades,
  }));
  const pairsOf = dense.map(({ grades }) => {
    const pairs: [number, number, number][] = [];
    grades.forEach((gi, i) =>
      grades.forEach((gj, j) => {
        if (gi > gj) pairs.push([i, j, 2 ** gi - 2 ** gj]);
      }),
    );
    return pairs;
  });
  const prior = Float64Array.from(names, (name) => options.prior?.[name] ?? 0);
  const w = Float64Array.from(prior);
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  const random = mulberry32(options.seed);
  const order = dense.map((_, i) => i);
  const losses: number[] = [];
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    let epochLoss = 0;
    let epochWeight = 0;
    for (const q of order) {
      const pairs = pairsOf[q];
      if (pairs.length === 0) continue;
      const { x } = dense[q];
      const scores = x.map((row) => dot(w, row));
      const grad = new Float64Array(d);
      let total = 0;
      for (const [i, j, weight] of pairs) {
        const margin = scores[i] - scores[j];
        // d/ds log(1 + e^−margin) = −1 / (1 + e^margin); written stably for large |margin|.
        const g = -weight * sigmoid(-margin);
        epochLoss += weight * softplus(-margin);
        epochWeight += weight;
        total += weight;
        for (let k = 0; k < d; k++) grad[k] += g * (x[i][k] - x[j][k]);
      }
      step += 1;
      for (let k = 0; k < d; k++) {
        const gk = grad[k] / total + options.l2 * (w[k] - prior[k]);
        m[k] = beta1 * m[k] + (1 - beta1) * gk;
        v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
        const mHat = m[k] / (1 - beta1 ** step);
        const vHat = v[k] / (1 - beta2 ** step);
        w[k] -= (options.learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
      }
    }
    losses.push(epochWeight > 0 ? epochLoss / epochWeight : 0);
  }
  return {
    weights: Object.fromEntries(names.map((name, k) => [name, w[k]])),
    losses,
    pairs: pairsOf.reduce((n, p) => n + p.length, 0),
  };
}

function dot(w: Float64Array, x: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < w.length; k++) sum += w[k] * x[k];
  return sum;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function softplus(z: number): number {
  return z > 30 ? z : Math.log1p(Math.exp(z));
}

/** Mulberry32: a small, well-mixed 32-bit generator; enough for shuffling, and seedable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
