import { SEARCH_FIELDS } from '../analysis/index-fields';
import { INDEX_ANALYZER, QUERY_ANALYZER, kanaFoldMappings } from './opensearch.analysis';
import { indexTemplate } from './opensearch.index-template';

describe('OpenSearch analysis', () => {
  const rules = kanaFoldMappings();
  const rule = (from: string) => rules.find((r) => r.startsWith(`${from} => `));

  it('folds katakana, half-width kana and small kana to large hiragana', () => {
    expect(rule('ワ')).toBe('ワ => わ');
    expect(rule('ﾜ')).toBe('ﾜ => わ');
    expect(rule('ﾃﾞ')).toBe('ﾃﾞ => で');
    expect(rule('ﾋﾟ')).toBe('ﾋﾟ => ぴ');
    expect(rule('ッ')).toBe('ッ => つ');
    expect(rule('ぁ')).toBe('ぁ => あ');
  });

  it('drops long-vowel and lone voicing marks, and never maps a character to itself', () => {
    expect(rule('ー')).toBe('ー => ');
    expect(rule('ｰ')).toBe('ｰ => ');
    expect(rule('ﾞ')).toBe('ﾞ => ');
    for (const r of rules) {
      const [from, to] = r.split(' => ');
      expect(from).not.toBe(to);
      expect(from).not.toMatch(/\s|=>/);
    }
    expect(new Set(rules.map((r) => r.split(' => ')[0])).size).toBe(rules.length);
  });

  it('analyzes every search field, with a vector field only when documents carry vectors', () => {
    const lexical = indexTemplate('docs', undefined);
    expect(lexical.index_patterns).toEqual(['docs.gen-*']);
    const props = lexical.template.mappings.properties as Record<string, Record<string, unknown>>;
    for (const field of SEARCH_FIELDS) {
      expect(props[field]).toMatchObject({
        type: 'text',
        analyzer: INDEX_ANALYZER,
        search_analyzer: QUERY_ANALYZER,
      });
    }
    expect(props.embedding).toBeUndefined();
    const hybrid = indexTemplate('docs', { dimensions: 512 });
    expect(
      (hybrid.template.mappings.properties as Record<string, unknown>).embedding,
    ).toMatchObject({
      type: 'knn_vector',
      dimension: 512,
      method: { name: 'hnsw', engine: 'lucene' },
    });
    expect(hybrid.template.settings.index).toMatchObject({ knn: true, number_of_shards: 1 });
    expect(hybrid._meta.fingerprint).not.toBe(lexical._meta.fingerprint);
  });
});
