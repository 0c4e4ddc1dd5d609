import { ConfigError } from '@mangaassist/config';
import { loadRetrievalConfig } from './retrieval.config';

describe('loadRetrievalConfig', () => {
  it('works with an empty environment', () => {
    expect(loadRetrievalConfig({})).toEqual({
      RETRIEVAL_HOST: '127.0.0.1',
      RETRIEVAL_PORT: 50052,
      LOG_FORMAT: 'pretty',
      RETRIEVAL_INDEX: 'embedded',
    });
  });

  it('reads the store paths', () => {
    const config = loadRetrievalConfig({
      CATALOG_PATH: '/data/c.jsonl',
      POLICIES_PATH: '/data/p.jsonl',
    });
    expect(config.CATALOG_PATH).toBe('/data/c.jsonl');
    expect(config.POLICIES_PATH).toBe('/data/p.jsonl');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadRetrievalConfig({ RETRIEVAL_PORT: 'http' })).toThrow(ConfigError);
    expect(() => loadRetrievalConfig({ RETRIEVAL_PORT: '70000' })).toThrow(/RETRIEVAL_PORT/);
    expect(() => loadRetrievalConfig({ RETRIEVAL_INDEX: 'solr' })).toThrow(/RETRIEVAL_INDEX/);
  });
});
