import { ConfigError, fromRepoRoot } from '@mangaassist/config';
import { loadIntentConfig } from './intent.config';

describe('intent config', () => {
  it('works with an empty environment', () => {
    const config = loadIntentConfig({});
    expect(config).toMatchObject({
      INTENT_HOST: '127.0.0.1',
      INTENT_PORT: 50051,
      LOG_FORMAT: 'pretty',
      INTENT_TRAIN_PATH: fromRepoRoot('data/intent/train.jsonl'),
      INTENT_DEV_PATH: fromRepoRoot('data/intent/dev.jsonl'),
      INTENT_CATALOG_PATH: fromRepoRoot('data/catalog/catalog.jsonl'),
      INTENT_MIN_CONFIDENCE: 0.45,
    });
    expect(config.INTENT_MODEL_PATH).toBeUndefined();
  });

  it('resolves relative data paths from the repository root and keeps absolute ones', () => {
    const config = loadIntentConfig({
      INTENT_TRAIN_PATH: 'x/train.jsonl',
      INTENT_MODEL_PATH: '/models/intent.json',
    });
    expect(config.INTENT_TRAIN_PATH).toBe(fromRepoRoot('x/train.jsonl'));
    expect(config.INTENT_MODEL_PATH).toBe('/models/intent.json');
  });

  it('names the bad variables', () => {
    expect(() => loadIntentConfig({ INTENT_PORT: '0', INTENT_MIN_CONFIDENCE: '1.5' })).toThrow(
      ConfigError,
    );
    try {
      loadIntentConfig({ INTENT_MIN_CONFIDENCE: 'high' });
    } catch (error) {
      expect((error as Error).message).toMatch(/INTENT_MIN_CONFIDENCE: .*\(got "high"\)/);
    }
  });
});
