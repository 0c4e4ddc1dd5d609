import { create } from '@bufbuild/protobuf';
import { CatalogItemSchema } from '@mangaassist/contracts';
import { documentId, itemDocument } from '@mangaassist/store-data';
// The launcher of the real node is test tooling in tools/; no production code imports it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type RunningOpenSearch, startOpenSearch } from '../../../../../tools/opensearch/src';
import { NO_FILTER } from '../document-filter';
import { type Embedder, type EmbeddingPurpose, normalizeVector } from '../embeddings/embedder';
import type { IndexQuery } from '../search-index';
import { contractCorpus, describeSearchIndexContract } from '../search-index.contract';
import { OpenSearchSearchIndex } from './opensearch.search-index';

// The first run on a machine provisions the node from Maven Central (minutes); later runs start
// it in about 20 s. One node serves the whole file; every suite uses its own alias.
const START_TIMEOUT_MS = 15 * 60_000;
jest.setTimeout(60_000);

let node: RunningOpenSearch;
let aliases = 0;
const opened: OpenSearchSearchIndex[] = [];

beforeAll(async () => {
  node = await startOpenSearch({ progress: (line) => process.stderr.write(`${line}\n`) });
}, START_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(opened.map((index) => index.close()));
  await node?.stop();
}, 60_000);

function openIndex(options: { embedder?: Embedder } = {}): OpenSearchSearchIndex {
  const index = new OpenSearchSearchIndex({
    url: node.url,
    index: `test-${process.pid}-${++aliases}`,
    ...options,
  });
  opened.push(index);
  return index;
}

const query = (text: string, extra: Partial<IndexQuery> = {}): IndexQuery => ({
  text,
  filter: NO_FILTER,
  kindWeights: { item: 1, policy: 1 },
  limit: 10,
  ...extra,
});

describeSearchIndexContract('OpenSearch (real node)', async () => openIndex());

/**
 * Character-trigram feature hashing: a real (if not semantic) embedding, deterministic and
 * dependency-free, enough to check that vectors reach the HNSW graph and come back fused.
 */
class TrigramHashEmbedder implements Embedder {
  readonly modelId = 'trigram-hash-64';
  readonly dimensions = 64;
  calls: EmbeddingPurpose[] = [];

  async embed(texts: readonly string[], purpose: EmbeddingPurpose): Promise<Float32Array[]> {
    this.calls.push(purpose);
    return texts.map((text) => {
      const vector = new Float32Array(this.dimensions);
      const chars = [...text.toLowerCase()];
      for (let i = 0; i + 2 < chars.length; i++) {
        let h = 2166136261;
        for (const ch of chars.slice(i, i + 3).join(''))
          h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
        vector[(h >>> 0) % this.dimensions] += 1;
      }
      return normalizeVector(vector);
    });
  }
}

describe('OpenSearchSearchIndex on a real node', () => {
  let index: OpenSearchSearchIndex;
  beforeAll(async () => {
    index = openIndex();
    await index.replaceAll(contractCorpus());
  });

  it('folds width and kana the way the embedded analyzer does', async () => {
    for (const text of ['ﾜﾝﾋﾟｰｽ', 'わんぴーす', 'ＯＮＥ　ＰＩＥＣＥ', 'Wan Pisu', 'Wan Pīsu']) {
      expect((await index.search(query(text)))[0]?.id).toBe('MA-0001');
    }
    expect((await index.search(query('ﾃﾞｽﾉｰﾄ')))[0]?.id).toBe('MA-0046');
    expect((await index.search(query('頭脳戦の漫画')))[0]?.id).toBe('MA-0046');
  });

  it('tolerates an English typo and finds stemmed forms', async () => {
    const misspelt = await index.search(query('psycological'));
    expect(misspelt.map((h) => h.id).sort()).toEqual(['MA-0046', 'MA-0152']);
    expect((await index.search(query('surgen')))[0]?.id).toBe('MA-0152');
    expect((await index.search(query('pirate')))[0]?.id).toBe('MA-0001');
    expect((await index.search(query('returns of unopened books')))[0]?.id).toBe('POL-008');
  });

  it('answers bad input with hits or nothing, never an error', async () => {
    for (const text of [
      '\u0000\u0001',
      '\ud800\udc00\ud800',
      '🎉'.repeat(500),
      'ア'.repeat(10_000),
      'psychological mysteries '.repeat(400),
      'abcdefg hijklmn opqrstu vwxyzab '.repeat(50),
      '{"query": {"match_all": {}}}',
      '*:* OR title:*',
    ]) {
      await expect(index.search(query(text))).resolves.toBeInstanceOf(Array);
    }
    expect(await index.search(query('one piece', { kindWeights: { item: 0, policy: 0 } }))).toEqual(
      [],
    );
    expect(await index.search(query('one piece', { limit: 0 }))).toEqual([]);
  });

  it('applies price, age and stock filters like passesFilter', async () => {
    const ids = async (extra: Partial<IndexQuery>) =>
      (await index.search(query('psychological mystery pirates', extra))).map((h) => h.id).sort();
    expect(await ids({ filter: { inStockOnly: true } })).toEqual(['MA-0001']);
    expect(await ids({ filter: { inStockOnly: false, maxPriceJpy: 510 } })).toEqual(['MA-0046']);
    expect(
      await ids({ filter: { inStockOnly: false, maxPriceJpy: 600, format: 'kindle' } }),
    ).toEqual(['MA-0001']);
    expect(await ids({ filter: { inStockOnly: false, maxAgeRank: 1 } })).toEqual([
      'MA-0001',
      'MA-0046',
    ]);
    const policies = await index.search(
      query('送料 返品', { filter: { inStockOnly: false, policyTopics: new Set(['returns']) } }),
    );
    expect(policies.map((h) => h.id)).toEqual(['POL-008']);
  });

  it('upserts idempotently and counts what changed', async () => {
    const upserted = openIndex();
    const corpus = contractCorpus();
    expect(await upserted.upsert(corpus)).toEqual({ inserted: 5, updated: 0, unchanged: 0 });
    const version = upserted.version();
    expect(await upserted.upsert(corpus)).toEqual({ inserted: 0, updated: 0, unchanged: 5 });
    expect(upserted.version()).toBe(version);

    const renamed = create(CatalogItemSchema, {
      id: 'MA-0152',
      titleJa: 'MONSTER 完全版',
      titleEn: 'Monster: The Perfect Edition',
      demographic: 'seinen',
      formats: ['print'],
      priceJpy: { print: 1320 },
    });
    const added = create(CatalogItemSchema, {
      id: 'MA-0400',
      titleJa: '葬送のフリーレン',
      titleEn: "Frieren: Beyond Journey's End",
      demographic: 'shonen',
      formats: ['print'],
    });
    expect(await upserted.upsert([itemDocument(renamed), itemDocument(added)])).toEqual({
      inserted: 1,
      updated: 1,
      unchanged: 0,
    });
    expect(upserted.size()).toBe(6);
    expect(upserted.version()).not.toBe(version);
    expect((await upserted.search(query('フリーレン')))[0]?.id).toBe('MA-0400');
    expect((await upserted.search(query('perfect edition')))[0]?.id).toBe('MA-0152');
  });

  it('swaps the alias to a rebuilt index, drops the old one, and reopens it elsewhere', async () => {
    await index.replaceAll(contractCorpus().slice(0, 3));
    expect(await index.search(query('送料'))).toEqual([]);
    const other = new OpenSearchSearchIndex({ url: node.url, index: index.alias });
    opened.push(other);
    await other.open();
    expect(other.version()).toBe(index.version());
    expect(other.size()).toBe(3);
    await index.replaceAll(contractCorpus());
    const aliases = (await (await fetch(`${node.url}/_alias/${index.alias}`)).json()) as object;
    expect(Object.keys(aliases)).toHaveLength(1);
  });

  it('runs a hybrid BM25 + k-NN search when an embedder is given', async () => {
    const embedder = new TrigramHashEmbedder();
    const hybrid = openIndex({ embedder });
    await hybrid.replaceAll(contractCorpus());
    expect(hybrid.hybrid).toBe(true);
    expect(embedder.calls).toContain('document');
    const hits = await hybrid.search(query('Death Note'));
    expect(hits[0]?.id).toBe('MA-0046');
    expect(hits[0].fieldScores.title).toBeGreaterThan(0);
    expect(embedder.calls.at(-1)).toBe('query');
    // Words no document has still return neighbours from the vector side, filtered.
    const vectorOnly = await hybrid.search(
      query('xqzj wvkp', { filter: { inStockOnly: false, kind: 'item' } }),
    );
    expect(vectorOnly.length).toBeGreaterThan(0);
    expect(vectorOnly.every((h) => documentId(h.document).startsWith('MA-'))).toBe(true);
  });

  it('reports an unreachable cluster with its address', async () => {
    const offline = new OpenSearchSearchIndex({
      url: 'http://127.0.0.1:9',
      index: 'offline',
      requestTimeoutMs: 2000,
    });
    opened.push(offline);
    await expect(offline.search(query('one piece'))).rejects.toThrow(
      /OpenSearch at http:\/\/127\.0\.0\.1:9 is unreachable/,
    );
    expect(() => new OpenSearchSearchIndex({ url: 'ftp://x', index: 'a' })).toThrow(
      /http or https/,
    );
    expect(() => new OpenSearchSearchIndex({ url: node.url, index: 'Bad Name' })).toThrow(
      /lowercase/,
    );
  });
});
