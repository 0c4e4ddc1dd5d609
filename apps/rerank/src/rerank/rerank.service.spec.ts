import { create } from '@bufbuild/protobuf';
import { fromRepoRoot } from '@mangaassist/config';
import { Format, Intent, RerankRequestSchema } from '@mangaassist/contracts';
import { DEFAULT_FEATURE_WEIGHTS } from '../app/rerank.config';
import { FeatureReranker } from './adapters/feature.reranker';
import { parseRerankRequest } from './rerank-request';
import { RerankService } from './rerank.service';
import type { Reranker } from './reranker';
import { type HitFactory, storeHitFactory } from './testing/store-hits';

type Init = Parameters<typeof create<typeof RerankRequestSchema>>[1];

describe('RerankService with the feature reranker', () => {
  let hit: HitFactory;
  let service: RerankService;
  const rerank = (init: Init) =>
    service.rerank(parseRerankRequest(create(RerankRequestSchema, init)));
  const order = async (init: Init) => (await rerank(init)).results.map((r) => r.hit.id);

  beforeAll(async () => {
    hit = await storeHitFactory();
    const reranker = new FeatureReranker(fromRepoRoot(DEFAULT_FEATURE_WEIGHTS));
    await reranker.onModuleInit();
    service = new RerankService(reranker);
  });

  it('moves the entity-matched series to the top (en)', async () => {
    // Retrieval put Naruto first for "ninja"; the intent service says the shopper means Boruto.
    const ids = await order({
      query: 'the ninja manga with the son',
      entities: { titleIds: ['MA-0003'] },
      candidates: [hit('MA-0002', 9.1), hit('MA-0004', 8.7), hit('MA-0003', 8.5)],
    });
    expect(ids[0]).toBe('MA-0003');
  });

  it('moves the entity-matched series to the top (ja)', async () => {
    const ids = await order({
      query: '息子が主人公の忍者漫画',
      entities: { titleIds: ['MA-0004', 'MA-0003'] },
      candidates: [hit('MA-0002', 5), hit('MA-0003', 4.9), hit('MA-0004', 4.8)],
    });
    expect(ids).toEqual(['MA-0004', 'MA-0003', 'MA-0002']);
  });

  it('prefers the series that has the asked volume (ja + en)', async () => {
    // Jujutsu Kaisen 0 has one volume, Jujutsu Kaisen thirty.
    for (const query of ['呪術廻戦 25巻', 'jujutsu kaisen vol 25']) {
      const ids = await order({ query, candidates: [hit('MA-0010', 10), hit('MA-0009', 9.5)] });
      expect(ids[0]).toBe('MA-0009');
    }
    // One Piece 117 is announced as the next volume; Naruto ended at 72.
    const next = await order({
      query: 'volume 117',
      candidates: [hit('MA-0002', 3), hit('MA-0001', 2.9)],
    });
    expect(next[0]).toBe('MA-0001');
  });

  it('prefers the series sold in the asked format (ja + en, words or entities)', async () => {
    // Slam Dunk is print-only; Haikyu!! is also sold for Kindle.
    const candidates = [hit('MA-0037', 6), hit('MA-0040', 5.5)];
    expect((await order({ query: 'バスケかバレーの漫画をKindle版で', candidates }))[0]).toBe(
      'MA-0040',
    );
    expect((await order({ query: 'sports manga as an ebook', candidates }))[0]).toBe('MA-0040');
    const viaEntity = await order({
      query: 'sports manga',
      entities: { format: Format.KINDLE },
      candidates,
    });
    expect(viaEntity[0]).toBe('MA-0040');
    expect((await order({ query: 'sports manga in print', candidates }))[0]).toBe('MA-0037');
  });

  it('puts the policy above a series for a shipping question (ja + en)', async () => {
    const candidates = [hit('MA-0001', 7), hit('MA-0028', 6), hit('POL-001', 5), hit('POL-008', 4)];
    for (const query of ['送料はいくらですか？', 'How much is shipping?']) {
      const withIntent = await order({ query, intent: Intent.SHIPPING_DELIVERY, candidates });
      expect(withIntent[0]).toBe('POL-001');
      const withoutIntent = await order({ query, candidates });
      expect(withoutIntent[0]).toBe('POL-001');
    }
  });

  it('keeps series ahead of policies for a product question', async () => {
    const ids = await order({
      query: 'ONE PIECEの最新刊',
      intent: Intent.RELEASE_PREORDER,
      candidates: [hit('POL-022', 6), hit('MA-0001', 5)],
    });
    expect(ids[0]).toBe('MA-0001');
  });

  it('lifts series of the asked genre that retrieval found by its genre words (ja + en)', async () => {
    const candidates = [
      hit('MA-0001', 5, { synopsis: 1 }),
      hit('MA-0198', 4.8, { genre_theme: 6 }),
    ];
    expect((await order({ query: 'ホラー漫画のおすすめ', candidates }))[0]).toBe('MA-0198');
    expect((await order({ query: 'something scary', candidates }))[0]).toBe('MA-0198');
  });

  it('returns top_n results with scores and 1-based retrieval ranks, best first', async () => {
    const result = await rerank({
      query: 'ONE PIECE',
      topN: 2,
      candidates: [hit('MA-0028', 3), hit('MA-0029', 2), hit('MA-0001', 1)],
    });
    expect(result.modelVersion).toBe('feature-linear-v2.0.0');
    expect(result.results).toHaveLength(2);
    expect(result.results[0]).toMatchObject({ retrievalRank: 3 });
    expect(result.results[0].hit.id).toBe('MA-0001');
    expect(result.results[0].score).toBeGreaterThanOrEqual(result.results[1].score);
    expect(
      (await rerank({ query: 'x', candidates: Array.from({ length: 9 }, () => hit('MA-0001', 1)) }))
        .results,
    ).toHaveLength(5);
  });

  it('returns nothing for no candidates', async () => {
    expect(await rerank({ query: '送料' })).toEqual({
      results: [],
      modelVersion: 'feature-linear-v2.0.0',
    });
  });

  it('keeps the series a "like X" question is like above X itself (ja + en)', async () => {
    // Death Note's similar series are Bakuman, The Promised Neverland and Liar Game; retrieval
    // lists them first and Death Note after, and the title match must not pull it back up.
    for (const query of ['something like death note', 'デスノートみたいな漫画']) {
      const ids = await order({
        query,
        candidates: [
          hit('MA-0045', 3.1, { genre_theme: 4 }),
          hit('MA-0230', 3, { genre_theme: 4 }),
          hit('MA-0047', 2.9),
          hit('MA-0046', 2.5, { title: 12, alias: 9 }),
        ],
      });
      expect(ids.indexOf('MA-0046')).toBeGreaterThan(1);
    }
  });

  it('is deterministic and breaks ties by retrieval rank', async () => {
    const candidates = [hit('POL-034', 1), hit('POL-035', 1), hit('POL-036', 1)];
    const first = await rerank({ query: 'qqq', candidates });
    expect(first.results.map((r) => r.retrievalRank)).toEqual([1, 2, 3]);
    const many = Array.from({ length: 50 }, (_, i) =>
      hit(`MA-${String(i + 1).padStart(4, '0')}`, (i % 7) + 1),
    );
    const runs = await Promise.all(
      [1, 2, 3].map(() => order({ query: 'action adventure', topN: 50, candidates: many })),
    );
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});

describe('RerankService ordering rules', () => {
  const fixed = (scores: number[]): Reranker => ({
    modelVersion: () => 'fixed',
    score: async () => scores,
  });

  it('sorts by score, then by retrieval rank, and puts non-finite scores last', async () => {
    const hit = await storeHitFactory();
    const service = new RerankService(fixed([1, Number.NaN, 3, 1, Number.POSITIVE_INFINITY]));
    const plan = parseRerankRequest(
      create(RerankRequestSchema, {
        query: 'x',
        topN: 5,
        candidates: ['MA-0001', 'MA-0002', 'MA-0003', 'MA-0004', 'MA-0005'].map((id) => hit(id, 1)),
      }),
    );
    const result = await service.rerank(plan);
    expect(result.results.map((r) => r.retrievalRank)).toEqual([3, 1, 4, 2, 5]);
  });
});
