import { FIELD_BOOSTS, SEARCH_FIELDS } from '../analysis/index-fields';
import { NO_FILTER } from '../document-filter';
import { MAX_QUERY_TOKENS } from './opensearch.analysis';
import {
  MAX_EXPANSIONS,
  fetchBody,
  fieldScoresOf,
  filterClauses,
  lexicalSearchBody,
  vectorSearchBody,
} from './opensearch.query';

describe('OpenSearch query bodies', () => {
  it('adds no filter clause for no filter', () => {
    expect(filterClauses(NO_FILTER)).toEqual([]);
  });

  it('narrows items by item properties and policies by topic, never the other kind', () => {
    const [either] = filterClauses({
      inStockOnly: true,
      demographics: new Set(['seinen']),
      format: 'kindle',
      maxPriceJpy: 700,
      maxAgeRank: 2,
      policyTopics: new Set(['returns']),
    });
    expect(either).toEqual({
      bool: {
        should: [
          {
            bool: {
              filter: [
                { term: { kind: 'item' } },
                { terms: { demographic: ['seinen'] } },
                { term: { formats: 'kindle' } },
                { term: { in_stock: true } },
                { range: { age_rank: { lte: 2 } } },
                { range: { price_kindle: { lte: 700 } } },
              ],
            },
          },
          { bool: { filter: [{ term: { kind: 'policy' } }, { terms: { topic: ['returns'] } }] } },
        ],
        minimum_should_match: 1,
      },
    });
    // Without a format, a price limit applies to the cheapest format sold.
    expect(JSON.stringify(filterClauses({ inStockOnly: false, maxPriceJpy: 500 }))).toContain(
      '"price_min":{"lte":500}',
    );
  });

  it('keeps ids and kind as plain filters', () => {
    expect(
      filterClauses({ inStockOnly: false, kind: 'policy', ids: new Set(['POL-001', 'POL-008']) }),
    ).toEqual([{ terms: { doc_id: ['POL-001', 'POL-008'] } }, { term: { kind: 'policy' } }]);
    expect(fetchBody(['MA-0001'], NO_FILTER).query.bool.filter).toEqual([
      { ids: { values: ['MA-0001'] } },
    ]);
  });

  it('names one boosted match per field and weighs kinds only when a weight is not 1', () => {
    const plain = lexicalSearchBody('ワンピース', NO_FILTER, { item: 1, policy: 1 }, 10);
    expect(plain.query).toHaveProperty('bool.should');
    const weighted = lexicalSearchBody('送料', NO_FILTER, { item: 0.3, policy: 0 }, 10);
    const fs = weighted.query as unknown as {
      function_score: {
        query: { bool: { must_not: unknown[]; should: unknown[] } };
        functions: unknown[];
      };
    };
    expect(fs.function_score.functions).toEqual([
      { filter: { term: { kind: 'item' } }, weight: 0.3 },
    ]);
    expect(fs.function_score.query.bool.must_not).toEqual([{ term: { kind: 'policy' } }]);
    const names = fs.function_score.query.bool.should.map(
      (clause) =>
        Object.values(
          (clause as { match: Record<string, { _name: string; boost: number }> }).match,
        )[0],
    );
    expect(names.map((m) => m._name)).toEqual([...SEARCH_FIELDS]);
    expect(names.map((m) => m.boost)).toEqual(SEARCH_FIELDS.map((f) => FIELD_BOOSTS[f]));
  });

  it('stays under the default clause limit however long the query', () => {
    expect(MAX_QUERY_TOKENS * SEARCH_FIELDS.length * MAX_EXPANSIONS).toBeLessThan(1024);
  });

  it('reads per-field BM25 back from named query scores', () => {
    expect(fieldScoresOf({ title: 16, synopsis: 0.5, bogus: 3, alias: 0 })).toEqual({
      title: 16 / FIELD_BOOSTS.title,
      synopsis: 0.5 / FIELD_BOOSTS.synopsis,
    });
    expect(fieldScoresOf(['title'])).toEqual({});
    expect(fieldScoresOf(undefined)).toEqual({});
  });

  it('filters k-NN inside the graph search', () => {
    const body = vectorSearchBody(
      new Float32Array([0.6, 0.8]),
      { inStockOnly: false, kind: 'item' },
      { item: 1, policy: 1 },
      50,
    );
    expect(body.query.knn.embedding).toEqual({
      vector: [expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)],
      k: 50,
      filter: { bool: { filter: [{ term: { kind: 'item' } }], must_not: [] } },
    });
  });
});
