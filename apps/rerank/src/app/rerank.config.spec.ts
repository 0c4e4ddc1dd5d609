import { ConfigError, fromRepoRoot } from '@mangaassist/config';
import { DEFAULT_FEATURE_WEIGHTS, featureWeightsPath, loadRerankConfig } from './rerank.config';

describe('loadRerankConfig', () => {
  it('works with an empty environment', () => {
    const config = loadRerankConfig({});
    expect(config).toEqual({
      RERANK_HOST: '127.0.0.1',
      RERANK_PORT: 50053,
      LOG_FORMAT: 'pretty',
      RERANK_MODEL: 'feature',
    });
    expect(featureWeightsPath(config)).toBe(fromRepoRoot(DEFAULT_FEATURE_WEIGHTS));
  });

  it('takes a weights file from the environment', () => {
    const config = loadRerankConfig({ RERANK_FEATURE_WEIGHTS: '/models/feature-weights.v2.json' });
    expect(featureWeightsPath(config)).toBe('/models/feature-weights.v2.json');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadRerankConfig({ RERANK_PORT: '0' })).toThrow(ConfigError);
    expect(() => loadRerankConfig({ RERANK_PORT: 'abc' })).toThrow(/RERANK_PORT/);
    expect(() => loadRerankConfig({ RERANK_MODEL: 'cross-encoder' })).toThrow(/RERANK_MODEL/);
    expect(() => loadRerankConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
