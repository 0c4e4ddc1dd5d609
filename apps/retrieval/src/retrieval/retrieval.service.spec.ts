import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { fromRepoRoot } from '@mangaassist/config';
import {
  type CatalogItem,
  DocumentKind,
  Format,
  Intent,
  type Policy,
  SearchRequestSchema,
} from '@mangaassist/contracts';
import { DEFAULT_CATALOG_PATH, DEFAULT_POLICIES_PATH } from '@mangaassist/store-data';
import { Logger } from '@nestjs/common';
import { InvertedSearchIndex } from './adapters/inverted.search-index';
import { type RetrievedHit, RetrievalService } from './retrieval.service';
import { parseSearchRequest } from './search-request';

type Init = Parameters<typeof create<typeof SearchRequestSchema>>[1];

// Ids below were checked against data/catalog/catalog.jsonl and data/store/policies.jsonl;
// the title assertions keep each test readable and fail loudly if the data moves.
const ONE_PIECE = 'MA-0001';
const ATTACK_ON_TITAN = 'MA-0059';
const DEMON_SLAYER = 'MA-0008';

function item(hit: RetrievedHit | undefined): CatalogItem | undefined {
  return hit?.document.content.case === 'item' ? hit.document.content.value : undefined;
}

function policy(hit: RetrievedHit | undefined): Policy | undefined {
  return hit?.document.content.case === 'policy' ? hit.document.content.value : undefined;
}

describe('RetrievalService on the sample store', () => {
  let service: RetrievalService;
  const search = async (init: Init) =>
    (await service.search(parseSearchRequest(create(SearchRequestSchema, init)))).hits;
  const ids = async (init: Init) => (await search(init)).map((h) => h.id);

  beforeAll(async () => {
    service = new RetrievalService(new InvertedSearchIndex(), {});
    const summary = await service.load();
    expect(summary).toEqual({ items: 296, policies: 40, badLines: 0 });
  });

  describe('titles and names (ja + en)', () => {
    it.each(['ワンピ', 'ワンピース', 'one peace', 'ONE PIECE', 'ＯＮＥ　ＰＩＥＣＥ', 'ﾜﾝﾋﾟｰｽ'])(
      '%s -> One Piece first',
      async (query) => {
        const hits = await search({ query });
        expect(hits[0].id).toBe(ONE_PIECE);
        expect(item(hits[0])?.titleEn).toBe('One Piece');
      },
    );

    it.each(['進撃', 'AoT', 'shingeki no kyojin', 'shingeki', '進撃の巨人の最終巻は何巻？'])(
      '%s -> Attack on Titan first',
      async (query) => {
        const hits = await search({ query });
        expect(hits[0].id).toBe(ATTACK_ON_TITAN);
        expect(item(hits[0])?.titleEn).toBe('Attack on Titan');
      },
    );

    it('finds the Jujutsu Kaisen series from the romaji word, the main series first', async () => {
      const hits = await search({ query: 'jujutsu' });
      expect(item(hits[0])?.titleEn).toBe('Jujutsu Kaisen');
      expect(
        hits
          .slice(1, 3)
          .map((h) => item(h)?.titleEn)
          .sort(),
      ).toEqual(['Jujutsu Kaisen 0', 'Jujutsu Kaisen Modulo']);
    });

    it.each([
      ['しんげきのきょじん', ATTACK_ON_TITAN],
      ['じゅじゅつかいせん', 'MA-0009'],
      ['ぼっちざろっく', 'MA-0166'],
    ])('reads a title typed in kana as its romaji: %s', async (query, id) => {
      expect((await ids({ query }))[0]).toBe(id);
    });

    it('takes an author over a title inside the name, and a title over an author inside it', async () => {
      // "Akira" is a title, but "Akira Toriyama" is the author of Dragon Ball and Dr. Slump.
      const toriyama = await search({ query: 'akira toriyama manga', topK: 3 });
      expect(toriyama.map((h) => h.id).sort()).toEqual(['MA-0005', 'MA-0006', 'MA-0007']);
      // "ONE" is One-Punch Man's author, but "ONE PIECE" is a title.
      expect((await ids({ query: 'ONE PIECE' }))[0]).toBe(ONE_PIECE);
      expect((await ids({ query: 'ONE PIECE' })).slice(0, 3)).not.toContain('MA-0028');
    });

    it.each(['尾田栄一郎', 'Eiichiro Oda'])('author %s -> One Piece first', async (query) => {
      expect((await ids({ query }))[0]).toBe(ONE_PIECE);
    });

    it('鬼滅 -> Demon Slayer first', async () => {
      const hits = await search({ query: '鬼滅' });
      expect(hits[0].id).toBe(DEMON_SLAYER);
      expect(item(hits[0])?.titleJa).toBe('鬼滅の刃');
    });

    it('ranks the named sequel over its parent series (呪術廻戦0)', async () => {
      const titles = (await search({ query: '呪術廻戦0の最新刊' })).map((h) => item(h)?.titleEn);
      expect(titles.slice(0, 2)).toEqual(['Jujutsu Kaisen 0', 'Jujutsu Kaisen']);
    });

    it('reports per-field lexical scores for rerank', async () => {
      const [top] = await search({ query: 'ONE PIECE' });
      expect(top.fieldScores.title).toBeGreaterThan(0);
      const [author] = await search({ query: 'Eiichiro Oda' });
      expect(author.fieldScores.author).toBeGreaterThan(0);
    });
  });

  describe('descriptions and moods', () => {
    it('returns psychological or mystery series for a mood query (en)', async () => {
      const hits = await search({ query: 'dark psychological thriller like death note', topK: 10 });
      expect(hits).toHaveLength(10);
      const fitting = hits.filter((h) =>
        item(h)?.genres.some((g) => g === 'psychological' || g === 'mystery'),
      );
      expect(fitting.length).toBeGreaterThanOrEqual(8);
    });

    it('returns horror series for a Japanese genre word', async () => {
      const hits = await search({ query: 'ホラー漫画が読みたい', topK: 10 });
      expect(hits.every((h) => item(h)?.genres.includes('horror'))).toBe(true);
    });

    it('returns romance series for 恋愛', async () => {
      const hits = await search({ query: 'おすすめの恋愛漫画', topK: 5 });
      expect(item(hits[0])?.genres).toContain('romance');
      expect(hits.filter((h) => item(h)?.genres.includes('romance')).length).toBeGreaterThanOrEqual(
        4,
      );
    });
  });

  describe('store policies (ja + en)', () => {
    it.each(['return policy', '返品', '返品できますか'])(
      '%s -> a returns policy first',
      async (query) => {
        expect(policy((await search({ query }))[0])?.topic).toBe('returns');
      },
    );

    it.each(['オペレーターと話したい', 'can i talk to a real person'])(
      '%s -> the store_info policies when only that topic is allowed and no word matches',
      async (query) => {
        const hits = await search({
          query,
          filters: { kind: DocumentKind.POLICY, policyTopics: ['store_info'] },
        });
        expect(hits.length).toBeGreaterThan(0);
        expect(hits.every((h) => policy(h)?.topic === 'store_info')).toBe(true);
      },
    );

    it.each(['送料', 'shipping fee'])('%s -> the shipping fee policy first', async (query) => {
      const top = policy((await search({ query }))[0]);
      expect(top?.id).toBe('POL-001');
      expect(top?.topic).toBe('shipping');
    });
  });

  describe('intent and entities', () => {
    it('lets the intent decide between a policy and a series matching the same words', async () => {
      // "pressure points" is a theme of Fist of the North Star and "points" a policy topic.
      const product = await search({ query: 'pressure points', intent: Intent.PRODUCT_SEARCH });
      expect(product[0].id).toBe('MA-0050');
      const withIntent = await search({ query: 'pressure points', intent: Intent.ACCOUNT_PAYMENT });
      expect(policy(withIntent[0])?.topic).toBe('points');
    });

    it('lifts entity title ids, the first id most', async () => {
      expect(
        (await ids({ query: '最新刊はいつ？', entities: { titleIds: [ATTACK_ON_TITAN] } }))[0],
      ).toBe(ATTACK_ON_TITAN);
      const ninja = await ids({ query: 'ninja', entities: { titleIds: ['MA-0002', 'MA-0003'] } });
      expect(ninja.slice(0, 2)).toEqual(['MA-0002', 'MA-0003']);
    });

    it('keeps a title the query names ahead of a different entity id', async () => {
      const hits = await ids({ query: 'ONE PIECE', entities: { titleIds: ['MA-0002'] } });
      expect(hits.slice(0, 2)).toEqual([ONE_PIECE, 'MA-0002']);
    });

    it('returns the entity items when the query itself finds nothing', async () => {
      expect(
        await ids({ query: '？？？', entities: { titleIds: ['MA-0046', ONE_PIECE] } }),
      ).toEqual(['MA-0046', ONE_PIECE]);
      expect(await ids({ query: '🎉', entities: { titleIds: ['MA-9999'] } })).toEqual([]);
    });

    it('returns no hits and says why for a query without searchable terms', async () => {
      for (const query of ['？！…', '!!!', '🎉🎉🎉', '\u0000\u0007', '。、・']) {
        const result = await service.search(
          parseSearchRequest(create(SearchRequestSchema, { query })),
        );
        expect(result.hits).toEqual([]);
        expect(result.emptyReason).toMatch(/no searchable words/);
      }
    });

    it('says when the filters leave nothing', async () => {
      const result = await service.search(
        parseSearchRequest(
          create(SearchRequestSchema, {
            query: 'ワンピース',
            filters: { kind: DocumentKind.ITEM, maxPriceJpy: 1 },
          }),
        ),
      );
      expect(result.hits).toEqual([]);
      expect(result.emptyReason).toMatch(/filters/);
    });
  });

  describe('filters', () => {
    it('keeps one kind', async () => {
      const items = await search({ query: 'kindle', filters: { kind: DocumentKind.ITEM } });
      expect(items.every((h) => h.document.content.case === 'item')).toBe(true);
      const policies = await search({ query: 'one piece', filters: { kind: DocumentKind.POLICY } });
      expect(policies.every((h) => h.document.content.case === 'policy')).toBe(true);
    });

    it('keeps demographics, also for titles named in the query', async () => {
      const hits = await search({ query: 'one', filters: { demographics: ['seinen'] } });
      expect(hits[0].id).toBe('MA-0028');
      expect(hits.every((h) => !item(h) || item(h)?.demographic === 'seinen')).toBe(true);
      expect(await ids({ query: 'AoT', filters: { demographics: ['seinen'] } })).not.toContain(
        ATTACK_ON_TITAN,
      );
    });

    it('keeps a format: Slam Dunk is print-only', async () => {
      expect((await ids({ query: 'slam dunk', filters: { format: Format.PRINT } }))[0]).toBe(
        'MA-0037',
      );
      expect(await ids({ query: 'slam dunk', filters: { format: Format.KINDLE } })).not.toContain(
        'MA-0037',
      );
      const kindle = await search({
        query: 'スポーツ',
        filters: { format: Format.KINDLE, kind: DocumentKind.ITEM },
      });
      expect(kindle.length).toBeGreaterThan(0);
      expect(kindle.every((h) => item(h)?.formats.includes('kindle'))).toBe(true);
    });

    it('keeps in-stock items only: The Solitary Gourmet is out of stock', async () => {
      expect((await ids({ query: 'solitary gourmet' }))[0]).toBe('MA-0246');
      const inStock = await search({ query: 'solitary gourmet', filters: { inStockOnly: true } });
      expect(inStock.map((h) => h.id)).not.toContain('MA-0246');
      expect(
        inStock.every((h) => ['in_stock', 'low_stock'].includes(item(h)?.stockPrint ?? '')),
      ).toBe(true);
    });

    it('keeps a price limit: Chiikawa costs 1,100 JPY', async () => {
      expect(await ids({ query: 'ちいかわ', filters: { maxPriceJpy: 1000 } })).not.toContain(
        'MA-0097',
      );
      expect((await ids({ query: 'ちいかわ', filters: { maxPriceJpy: 1100 } }))[0]).toBe('MA-0097');
    });

    it('keeps an age limit and policy topics', async () => {
      expect(await ids({ query: '進撃の巨人', filters: { maxAgeRating: '13+' } })).not.toContain(
        ATTACK_ON_TITAN,
      );
      const topics = await search({
        query: '送料 返品',
        filters: { policyTopics: ['returns'], kind: DocumentKind.POLICY },
      });
      expect(topics.length).toBeGreaterThan(0);
      expect(topics.every((h) => policy(h)?.topic === 'returns')).toBe(true);
    });

    it('keeps only the given ids', async () => {
      const hits = await ids({
        query: 'one piece naruto',
        filters: { ids: ['MA-0002', 'POL-001'] },
      });
      expect(hits).toEqual(['MA-0002']);
    });
  });

  it('returns top_k hits (20 by default) and the index version', async () => {
    expect(await search({ query: 'action' })).toHaveLength(20);
    expect(await search({ query: 'action', topK: 3 })).toHaveLength(3);
    const result = await service.search(
      parseSearchRequest(create(SearchRequestSchema, { query: 'x' })),
    );
    expect(result.indexVersion).toMatch(/^inverted-ja-en\.\d+-[0-9a-f]{16}$/);
  });
});

describe('RetrievalService: "like X", moods and genres (ja + en)', () => {
  let service: RetrievalService;
  const top = async (query: string, k = 3) =>
    (
      await service.search(parseSearchRequest(create(SearchRequestSchema, { query, topK: 10 })))
    ).hits
      .slice(0, k)
      .map((h) => h.id);

  beforeAll(async () => {
    service = new RetrievalService(new InvertedSearchIndex(), {});
    await service.load();
  });

  it.each([
    ['something like one piece', ONE_PIECE],
    ['ワンピースみたいな冒険漫画', ONE_PIECE],
    ['similar to death note', 'MA-0046'],
    ['デスノートに似てる作品', 'MA-0046'],
  ])('%s: the series it is like come first, not the series itself', async (query, reference) => {
    const first = await top(query);
    expect(first).not.toContain(reference);
  });

  it('does not read "like" inside a title as a request for similar series', async () => {
    expect((await top('march comes in like a lion'))[0]).toBe('MA-0126');
  });

  it.each([
    ['dark, psychological, like Death Note', 'psychological'],
    ['something scary to read at night', 'horror'],
    ['怖い漫画が読みたい', 'horror'],
    ['異世界転生もの', 'isekai'],
    ['料理漫画', 'cooking'],
  ])('%s -> series of the asked genre first', async (query, genre) => {
    const hits = (
      await service.search(parseSearchRequest(create(SearchRequestSchema, { query, topK: 3 })))
    ).hits;
    expect(hits.every((h) => item(h)?.genres.includes(genre))).toBe(true);
  });

  it.each([
    ['野球漫画', 'baseball'],
    ['vampire manga', 'vampire'],
    ['タイムリープもの', 'time'],
  ])(
    '%s -> series whose themes match, through the Japanese/English theme words',
    async (query, theme) => {
      const hits = (
        await service.search(parseSearchRequest(create(SearchRequestSchema, { query, topK: 3 })))
      ).hits;
      expect(hits.every((h) => item(h)?.themes.some((t) => t.toLowerCase().includes(theme)))).toBe(
        true,
      );
    },
  );
});

describe('RetrievalService loading', () => {
  it('skips bad lines, logs them with their line numbers, and serves the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'retrieval-'));
    try {
      const catalog = readFileSync(fromRepoRoot(DEFAULT_CATALOG_PATH), 'utf8').split('\n');
      const catalogPath = join(dir, 'catalog.jsonl');
      writeFileSync(
        catalogPath,
        [catalog[0], '{not json', catalog[1], '{"id":"MA-1"}', catalog[58]].join('\n'),
      );
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const service = new RetrievalService(new InvertedSearchIndex(), {
        catalogPath,
        policiesPath: fromRepoRoot(DEFAULT_POLICIES_PATH),
      });
      expect(await service.load()).toEqual({ items: 3, policies: 40, badLines: 2 });
      const messages = warn.mock.calls.map(([message]) => String(message));
      expect(messages).toEqual([
        expect.stringMatching(/catalog\.jsonl:2: skipped: invalid JSON/),
        expect.stringMatching(/catalog\.jsonl:4: skipped: .*id/),
      ]);
      warn.mockRestore();
      const hits = await service.search(
        parseSearchRequest(create(SearchRequestSchema, { query: '進撃の巨人' })),
      );
      expect(hits.hits[0].id).toBe(ATTACK_ON_TITAN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
