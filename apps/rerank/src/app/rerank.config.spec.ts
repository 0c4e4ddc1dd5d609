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
      RERANK_WEIGHTS_VERSION: 'v2',
    });
    expect(featureWeightsPath(config)).toBe(fromRepoRoot(DEFAULT_FEATURE_WEIGHTS));
  });

  it('picks a weights version, or a full path that overrides it', () => {
    expect(featureWeightsPath(loadRerankConfig({ RERANK_WEIGHTS_VERSION: 'v1' }))).toBe(
      fromRepoRoot('apps/rerank/src/rerank/model/feature-weights.v1.json'),
    );
    expect(() => loadRerankConfig({ RERANK_WEIGHTS_VERSION: 'latest' })).toThrow(
      /RERANK_WEIGHTS_VERSION: must look like v2/,
    );
  });

  it('needs a model directory for the cross-encoder', () => {
    expect(() => loadRerankConfig({ RERANK_MODEL: 'cross-encoder' })).toThrow(
      /RERANK_CROSS_ENCODER_DIR: is required when RERANK_MODEL=cross-encoder/,
    );
    expect(
      loadRerankConfig({ RERANK_MODEL: 'cross-encoder', RERANK_CROSS_ENCODER_DIR: '/models/ce' }),
    ).toMatchObject({ RERANK_CROSS_ENCODER_DIR: '/models/ce' });
  });

  it('takes a weights file from the environment', () => {
    const config = loadRerankConfig({ RERANK_FEATURE_WEIGHTS: '/models/feature-weights.v2.json' });
    expect(featureWeightsPath(config)).toBe('/models/feature-weights.v2.json');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadRerankConfig({ RERANK_PORT: '0' })).toThrow(ConfigError);
    expect(() => loadRerankConfig({ RERANK_PORT: 'abc' })).toThrow(/RERANK_PORT/);
    expect(() => loadRerankConfig({ RERANK_MODEL: 'colbert' })).toThrow(/RERANK_MODEL/);
    expect(() => loadRerankConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
