import { Format, Intent } from '@mangaassist/contracts';
import { extractFeatures } from '../features/feature-extractor';
import { querySignals } from '../features/query-signals';
import { type HitFactory, storeHitFactory } from '../testing/store-hits';
import { type TrainingGroup, trainPairwise } from './pairwise-trainer';

/**
 * Groups built by the service's own feature extractor on real store records: the answer is not
 * always first in retrieval order, so the model has to learn from content features.
 */
function groups(hit: HitFactory): TrainingGroup[] {
  const cases: [string, [string, number, number, Record<string, number>?][]][] = [
    [
      'ワンピース',
      [
        ['MA-0028', 5, 0],
        ['MA-0001', 4.9, 3, { title: 9 }],
        ['MA-0249', 4, 0],
      ],
    ],
    [
      'one piece',
      [
        ['MA-0001', 5, 3, { title: 9 }],
        ['MA-0028', 4.8, 0, { title: 4 }],
      ],
    ],
    [
      '進撃の巨人',
      [
        ['MA-0025', 3, 0],
        ['MA-0059', 2.9, 3, { title: 8 }],
        ['MA-0045', 2, 1],
      ],
    ],
    [
      'something scary',
      [
        ['MA-0001', 2, 0],
        ['MA-0198', 1.9, 2, { genre_theme: 5 }],
        ['MA-0200', 1.8, 2, { genre_theme: 5 }],
      ],
    ],
    [
      '送料はいくら',
      [
        ['MA-0001', 2, 0],
        ['POL-001', 1.9, 3, { policy_topic: 4 }],
        ['POL-008', 1, 0],
      ],
    ],
    [
      'return policy',
      [
        ['POL-010', 3, 2, { policy_topic: 4 }],
        ['POL-008', 2.9, 3, { policy_topic: 4, policy_title: 3 }],
        ['MA-0046', 1, 0],
      ],
    ],
  ];
  return cases.map(([text, candidates]) => ({
    features: extractFeatures(
      querySignals({
        text,
        intent: Intent.UNSPECIFIED,
        titleIds: [],
        volume: 0,
        format: Format.UNSPECIFIED,
      }),
      candidates.map(([id, score, , fields], i) => ({
        hit: hit(id, score, fields),
        retrievalRank: i + 1,
      })),
    ),
    grades: candidates.map(([, , grade]) => grade),
  }));
}

describe('trainPairwise', () => {
  let data: TrainingGroup[];
  const featureNames = [
    'retrieval_score',
    'retrieval_rank',
    'title_in_query',
    'genre_overlap_en',
    'policy_topic_match',
    'field.title',
    'volume_missing',
  ];
  const options = { featureNames, seed: 7, epochs: 40, learningRate: 0.05, l2: 0.001 };

  beforeAll(async () => {
    data = groups(await storeHitFactory());
  });

  it('gives identical weights for the same data and seed (determinism)', () => {
    const a = trainPairwise(data, options);
    const b = trainPairwise(data, options);
    expect(b.weights).toEqual(a.weights);
    expect(b.losses).toEqual(a.losses);
    expect(Object.values(a.weights).every(Number.isFinite)).toBe(true);
  });

  it('learns to put the better candidate first on its training data', () => {
    const { weights, losses, pairs } = trainPairwise(data, options);
    expect(pairs).toBeGreaterThan(10);
    expect(losses.at(-1)).toBeLessThan(losses[0]);
    let correct = 0;
    let total = 0;
    for (const group of data) {
      const score = (i: number) =>
        Object.entries(group.features[i]).reduce(
          (s, [name, value]) => s + (weights[name] ?? 0) * value,
          0,
        );
      group.grades.forEach((gi, i) =>
        group.grades.forEach((gj, j) => {
          if (gi > gj) {
            total += 1;
            if (score(i) > score(j)) correct += 1;
          }
        }),
      );
    }
    expect(correct / total).toBeGreaterThan(0.9);
    expect(weights.title_in_query).toBeGreaterThan(0);
  });

  it('keeps the prior weight of a feature the data never shows', () => {
    const { weights } = trainPairwise(data, { ...options, prior: { volume_missing: -0.6 } });
    expect(weights.volume_missing).toBeCloseTo(-0.6, 10);
  });
});
