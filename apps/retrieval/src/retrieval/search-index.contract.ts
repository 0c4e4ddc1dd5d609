import { create } from '@bufbuild/protobuf';
import {
  type CatalogItem,
  CatalogItemSchema,
  type Document,
  PolicySchema,
} from '@mangaassist/contracts';
import { documentId, itemDocument, policyDocument } from '@mangaassist/store-data';
import { SEARCH_FIELDS } from './analysis/index-fields';
import { NO_FILTER } from './document-filter';
import type { IndexQuery, SearchIndex } from './search-index';

/** A small bilingual corpus every adapter must index and search the same way. */
export function contractCorpus(): Document[] {
  return [
    itemDocument(
      create(CatalogItemSchema, {
        id: 'MA-0001',
        titleJa: 'ONE PIECE',
        titleEn: 'One Piece',
        titleRomaji: 'Wan Pīsu',
        aliases: ['ワンピ', 'ワンピース'],
        authors: [{ nameJa: '尾田栄一郎', nameEn: 'Eiichiro Oda', role: 'story_and_art' }],
        demographic: 'shonen',
        genres: ['adventure'],
        themes: ['pirates'],
        status: 'ongoing',
        formats: ['print', 'kindle'],
        priceJpy: { print: 528, kindle: 528 },
        stockPrint: 'in_stock',
        ageRating: '13+',
        synopsisJa: '海賊王を目指す少年の冒険。',
        synopsisEn: 'A boy sets sail to become King of the Pirates.',
      }),
    ),
    itemDocument(
      create(CatalogItemSchema, {
        id: 'MA-0046',
        titleJa: 'DEATH NOTE',
        titleEn: 'Death Note',
        titleRomaji: 'Desu Nōto',
        aliases: ['デスノート'],
        authors: [{ nameJa: '大場つぐみ', nameEn: 'Tsugumi Ohba', role: 'story' }],
        demographic: 'shonen',
        genres: ['mystery', 'psychological'],
        themes: ['detective'],
        status: 'completed',
        formats: ['print'],
        priceJpy: { print: 506 },
        stockPrint: 'out_of_stock',
        ageRating: '13+',
        synopsisJa: '名前を書かれた人間が死ぬノートを拾った高校生の頭脳戦。',
        synopsisEn: 'A student finds a notebook that kills anyone whose name is written in it.',
      }),
    ),
    itemDocument(
      create(CatalogItemSchema, {
        id: 'MA-0152',
        titleJa: 'MONSTER',
        titleEn: 'Monster',
        titleRomaji: 'Monsutā',
        demographic: 'seinen',
        genres: ['mystery', 'psychological'],
        themes: ['serial killer'],
        status: 'completed',
        formats: ['kindle'],
        priceJpy: { kindle: 693 },
        ageRating: '16+',
        synopsisJa: '天才外科医が、かつて命を救った少年を追う。',
        synopsisEn: 'A surgeon hunts the boy whose life he once saved.',
      }),
    ),
    policyDocument(
      create(PolicySchema, {
        id: 'POL-001',
        topic: 'shipping',
        titleJa: '送料と送料無料の条件',
        titleEn: 'Shipping fees and free shipping',
        bodyJa: '2,000円以上のご注文は送料無料です。',
        bodyEn: 'Orders of 2,000 JPY or more ship free.',
      }),
    ),
    policyDocument(
      create(PolicySchema, {
        id: 'POL-008',
        topic: 'returns',
        titleJa: '未開封の紙の本の返品',
        titleEn: 'Returning unopened print books',
        bodyJa: 'お届けから30日以内の未開封の本は返品できます。',
        bodyEn: 'Unopened print books can be returned within 30 days of delivery.',
      }),
    ),
  ];
}

const query = (text: string, extra: Partial<IndexQuery> = {}): IndexQuery => ({
  text,
  filter: NO_FILTER,
  kindWeights: { item: 1, policy: 1 },
  limit: 10,
  ...extra,
});

/**
 * The SearchIndex contract: the embedded index passes it in-process, an OpenSearch adapter
 * must pass it against a real node. Ranking details may differ; these behaviours may not.
 */
export function describeSearchIndexContract(
  adapterName: string,
  makeIndex: () => Promise<SearchIndex>,
  options: { upsert?: boolean } = {},
): void {
  describe(`search index contract: ${adapterName}`, () => {
    let index: SearchIndex;
    beforeAll(async () => {
      index = await makeIndex();
      await index.replaceAll(contractCorpus());
    });

    it('finds a series by its Japanese and English title, best first', async () => {
      for (const text of ['ワンピース', 'one piece', '尾田栄一郎', 'Eiichiro Oda']) {
        const hits = await index.search(query(text));
        expect(hits[0]?.id).toBe('MA-0001');
        expect(documentId(hits[0].document)).toBe('MA-0001');
      }
    });

    it('finds a policy in both languages', async () => {
      expect((await index.search(query('送料')))[0]?.id).toBe('POL-001');
      expect((await index.search(query('return unopened books')))[0]?.id).toBe('POL-008');
    });

    it('orders hits by score and reports per-field scores by field name', async () => {
      const hits = await index.search(query('psychological mystery'));
      expect(hits.map((h) => h.id).sort()).toEqual(['MA-0046', 'MA-0152']);
      expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
      for (const hit of hits) {
        expect(hit.fieldScores.genre_theme).toBeGreaterThan(0);
        for (const field of Object.keys(hit.fieldScores)) {
          expect(SEARCH_FIELDS).toContain(field);
        }
      }
    });

    it('applies filters while searching', async () => {
      const items = await index.search(
        query('psychological', { filter: { inStockOnly: false, kind: 'item', format: 'kindle' } }),
      );
      expect(items.map((h) => h.id)).toEqual(['MA-0152']);
      const ids = await index.search(
        query('送料 返品', { filter: { inStockOnly: false, ids: new Set(['POL-008']) } }),
      );
      expect(ids.map((h) => h.id)).toEqual(['POL-008']);
      const seinen = await index.search(
        query('psychological', {
          filter: { inStockOnly: false, demographics: new Set(['seinen']) },
        }),
      );
      expect(seinen.map((h) => h.id)).toEqual(['MA-0152']);
    });

    it('weighs kinds by the given weights', async () => {
      const text = 'shipping one piece';
      const policyFirst = await index.search(
        query(text, { kindWeights: { item: 0.01, policy: 1 } }),
      );
      expect(policyFirst[0].id).toBe('POL-001');
      const itemFirst = await index.search(query(text, { kindWeights: { item: 1, policy: 0.01 } }));
      expect(itemFirst[0].id).toBe('MA-0001');
    });

    it('honours the limit and returns nothing for text without search terms', async () => {
      expect(await index.search(query('psychological mystery', { limit: 1 }))).toHaveLength(1);
      expect(await index.search(query('？！…'))).toEqual([]);
      expect(await index.search(query('🎉🎉'))).toEqual([]);
    });

    it('fetches documents by id in the asked order, filtered, skipping unknown ids', async () => {
      const docs = await index.fetch(['POL-008', 'MA-9999', 'MA-0001'], NO_FILTER);
      expect(docs.map(documentId)).toEqual(['POL-008', 'MA-0001']);
      const items = await index.fetch(['POL-008', 'MA-0001'], { inStockOnly: false, kind: 'item' });
      expect(items.map(documentId)).toEqual(['MA-0001']);
    });

    if (options.upsert) {
      it('upserts by id: new documents are added, changed ones replaced, repeats change nothing', async () => {
        const upsert = index.upsert?.bind(index);
        if (!upsert) throw new Error(`${adapterName} declares upsert but has no upsert method`);
        const corpus = contractCorpus();
        const before = index.version();
        expect(await upsert(corpus)).toEqual({ inserted: 0, updated: 0, unchanged: 5 });
        expect(index.version()).toBe(before);
        const renamed = itemDocument(
          create(CatalogItemSchema, {
            ...(corpus[2].content.value as CatalogItem),
            titleEn: 'Naoki Urasawa’s Monster',
          }),
        );
        const added = policyDocument(
          create(PolicySchema, {
            id: 'POL-034',
            topic: 'gift',
            titleJa: 'ギフトカード',
            titleEn: 'Gift cards',
            bodyJa: 'ギフトカードは発行から10年間有効です。',
            bodyEn: 'Gift cards are valid for 10 years from issue.',
          }),
        );
        expect(await upsert([renamed, added])).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
        expect(index.size()).toBe(6);
        expect((await index.search(query('ギフトカード')))[0]?.id).toBe('POL-034');
        expect((await index.search(query('urasawa monster')))[0]?.id).toBe('MA-0152');
        expect(await upsert([renamed, added])).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
        await index.replaceAll(contractCorpus());
        expect(index.version()).toBe(before);
      });
    }

    it('versions the indexed data and reports its size', async () => {
      expect(index.size()).toBe(5);
      const before = index.version();
      await index.replaceAll(contractCorpus().slice(0, 2));
      expect(index.size()).toBe(2);
      expect(index.version()).not.toBe(before);
      await index.replaceAll(contractCorpus());
      expect(index.version()).toBe(before);
    });
  });
}

/**
 * What an in-process index promises besides the contract: an empty index answers with nothing,
 * and no text, however odd, makes a search throw (a remote engine may refuse such a query).
 */
export function describeEmbeddedIndexRobustness(
  adapterName: string,
  makeIndex: () => SearchIndex,
): void {
  describe(`embedded index robustness: ${adapterName}`, () => {
    it('searches an empty index without failing', async () => {
      const empty = makeIndex();
      expect(
        await empty.search({
          text: 'one piece',
          filter: NO_FILTER,
          kindWeights: { item: 1, policy: 1 },
          limit: 5,
        }),
      ).toEqual([]);
      expect(empty.size()).toBe(0);
    });

    it('never throws on odd text', async () => {
      const index = makeIndex();
      await index.replaceAll(contractCorpus());
      for (const text of [
        '\u0000\u0001',
        '\ud800\udc00\ud800',
        '🎉'.repeat(500),
        'ア'.repeat(2000),
        'x y z '.repeat(300),
        '・'.repeat(50),
      ]) {
        await expect(index.search(query(text))).resolves.toBeInstanceOf(Array);
      }
    });
  });
}
