import { Format, Intent } from '@mangaassist/contracts';
import type { RerankQuery } from '../reranker';
import { type HitFactory, storeHitFactory } from '../testing/store-hits';
import { extractFeatures, isKnownFeature } from './feature-extractor';
import { querySignals } from './query-signals';

const query = (text: string, extra: Partial<RerankQuery> = {}): RerankQuery => ({
  text,
  intent: Intent.UNSPECIFIED,
  titleIds: [],
  volume: 0,
  format: Format.UNSPECIFIED,
  ...extra,
});

describe('extractFeatures', () => {
  let hit: HitFactory;
  beforeAll(async () => {
    hit = await storeHitFactory();
  });
  const features = (q: RerankQuery, ...hits: ReturnType<HitFactory>[]) =>
    extractFeatures(
      querySignals(q),
      hits.map((h, i) => ({ hit: h, retrievalRank: i + 1 })),
    );

  it('normalizes retrieval and field scores within the batch', () => {
    const [a, b] = features(
      query('one piece'),
      hit('MA-0001', 8, { title: 20, synopsis: 2 }),
      hit('MA-0028', 2, { title: 5 }),
    );
    expect(a).toMatchObject({
      retrieval_score: 1,
      retrieval_rank: 1,
      'field.title': 1,
      'field.synopsis': 1,
    });
    expect(b).toMatchObject({ retrieval_score: 0.25, retrieval_rank: 0.5, 'field.title': 0.25 });
    expect(b['field.synopsis']).toBeUndefined();
  });

  it('treats NaN and negative scores as 0', () => {
    const [a] = features(query('x'), hit('MA-0001', Number.NaN, { title: -3 }));
    expect(a.retrieval_score).toBe(0);
    expect(Object.values(a).every(Number.isFinite)).toBe(true);
  });

  it('sees a title named in the question (ja + en), as a whole or inside it', () => {
    const ja = features(query('ワンピース'), hit('MA-0001', 1), hit('MA-0028', 1));
    expect(ja.map((f) => f.title_in_query)).toEqual([1, 0]);
    const en = features(query('When is the next One Piece out?'), hit('MA-0001', 1));
    expect(en[0].title_in_query).toBe(0.8);
    expect(features(query('any good shop?'), hit('MA-0001', 1))[0].title_in_query).toBe(0);
  });

  it('scores entity matches by position', () => {
    const [naruto, boruto, other] = features(
      query('ninja', { titleIds: ['MA-0003', 'MA-0002'] }),
      hit('MA-0002', 1),
      hit('MA-0003', 1),
      hit('MA-0004', 1),
    );
    expect(boruto.entity_match).toBe(1);
    expect(naruto.entity_match).toBe(0.5);
    expect(other.entity_match).toBeUndefined();
  });

  it('checks an asked volume against published and next volumes', () => {
    // One Piece has 116 volumes out and 117 announced; Jujutsu Kaisen has 30.
    const [onePiece, jjk] = features(query('117巻'), hit('MA-0001', 1), hit('MA-0009', 1));
    expect(onePiece).toMatchObject({ volume_published: 0, volume_next: 1, volume_missing: 0 });
    expect(jjk).toMatchObject({ volume_published: 0, volume_next: 0, volume_missing: 1 });
    const [out] = features(query('vol 30'), hit('MA-0009', 1));
    expect(out).toMatchObject({ volume_published: 1, volume_missing: 0 });
  });

  it('checks an asked format and stock (Slam Dunk is print-only)', () => {
    const [slamDunk, haikyu] = features(query('Kindle版'), hit('MA-0037', 1), hit('MA-0040', 1));
    expect(slamDunk).toMatchObject({ format_sold: 0, format_missing: 1, stock_availability: 0 });
    expect(haikyu).toMatchObject({ format_sold: 1, format_missing: 0, stock_availability: 1 });
    const [printStock] = features(query('slam dunk'), hit('MA-0037', 1));
    expect(printStock.stock_availability).toBe(0.7);
    expect(printStock.popularity).toBe(0.92);
  });

  it('measures genre overlap from English and Japanese words, and named themes', () => {
    const [monster, onePiece] = features(
      query('psychological thriller'),
      hit('MA-0152', 1),
      hit('MA-0001', 1),
    );
    expect(monster.genre_overlap_en).toBe(1);
    expect(onePiece.genre_overlap_en).toBe(0);
    const [uzumaki] = features(query('ホラー漫画'), hit('MA-0198', 1));
    expect(uzumaki.genre_overlap_ja).toBe(1);
    const [slime] = features(query('manga about reincarnation and a slime'), hit('MA-0172', 1));
    expect(slime.theme_overlap).toBe(1);
  });

  it('matches Japanese theme words to English theme tags', () => {
    const [touch, monster] = features(query('野球漫画'), hit('MA-0138', 1), hit('MA-0152', 1));
    expect(touch.theme_overlap).toBe(1);
    expect(monster.theme_overlap).toBeUndefined();
  });

  it('sees an author named in the question, in either script, but not inside a title', () => {
    for (const text of ['浦沢直樹の作品', 'books by naoki urasawa']) {
      const [monster, onePiece] = features(query(text), hit('MA-0152', 1), hit('MA-0001', 1));
      expect(monster.author_in_query).toBe(1);
      expect(onePiece.author_in_query).toBe(0);
    }
    // "ONE" writes One-Punch Man, but "ONE PIECE" names a title.
    const [opm] = features(query('ONE PIECE'), hit('MA-0028', 1), hit('MA-0001', 1));
    expect(opm.author_in_query).toBe(0);
    const [byOne] = features(query('other series by ONE'), hit('MA-0028', 1));
    expect(byOne.author_in_query).toBe(1);
    // And "Akira" is a title, but inside "Akira Toriyama" it is his name.
    const [akira, dragonBall] = features(
      query('akira toriyama manga'),
      hit('MA-0070', 1),
      hit('MA-0005', 1),
    );
    expect(akira.title_in_query).toBe(0);
    expect(dragonBall.author_in_query).toBe(1);
    expect(features(query('akira'), hit('MA-0070', 1))[0].title_in_query).toBe(1);
  });

  it('marks the X of "like X" and the series the store lists as similar to it (ja + en)', () => {
    for (const text of ['something like death note', 'デスノートみたいな漫画']) {
      const [deathNote, neverland, monster] = features(
        query(text),
        hit('MA-0046', 1),
        hit('MA-0045', 1),
        hit('MA-0152', 1),
      );
      expect(deathNote.like_reference).toBe(1);
      expect(deathNote.title_in_query).toBe(0);
      expect(neverland.like_similar).toBe(0.5);
      expect(monster.like_similar).toBeUndefined();
    }
    const [plain] = features(query('death note'), hit('MA-0046', 1));
    expect(plain.like_reference).toBeUndefined();
    // "like" inside the title is not a request for similar series.
    const [lion] = features(query('march comes in like a lion vol 3'), hit('MA-0126', 1));
    expect(lion.like_reference).toBeUndefined();
  });

  it('weighs the document kind by intent and matches policy topics', () => {
    const [item, policy] = features(
      query('送料はいくら？', { intent: Intent.SHIPPING_DELIVERY }),
      hit('MA-0001', 1),
      hit('POL-001', 1),
    );
    expect(item.kind_match).toBe(-1);
    expect(policy).toMatchObject({ kind_match: 1, policy_topic_match: 1 });
    const [returns, series] = features(
      query('how do I ship it?'),
      hit('POL-008', 1),
      hit('MA-0001', 1),
    );
    expect(returns).toMatchObject({ kind_match: 0.5, policy_topic_match: 0 });
    expect(series.kind_match).toBe(-0.5);
    const [neutral] = features(query('ONE PIECE'), hit('POL-008', 1));
    expect(neutral.kind_match).toBe(0);
  });

  it('only produces feature names the model file may use', () => {
    const vectors = features(
      query('ONE PIECE 105巻 kindle'),
      hit('MA-0001', 3, { title: 1, odd_field: 2 }),
      hit('POL-001', 1),
    );
    for (const name of vectors.flatMap((v) => Object.keys(v)))
      expect(isKnownFeature(name)).toBe(true);
  });
});
