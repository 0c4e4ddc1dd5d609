import { ConfigError, fromRepoRoot } from '@mangaassist/config';
import { DEFAULT_MODEL_VERSION, loadIntentConfig, modelDirectory } from './intent.config';
import { classifierSourceFor } from './classifier-source.factory';

describe('intent config', () => {
  it('works with an empty environment and loads the committed model', () => {
    const config = loadIntentConfig({});
    expect(config).toMatchObject({
      INTENT_HOST: '127.0.0.1',
      INTENT_PORT: 50051,
      LOG_FORMAT: 'pretty',
      INTENT_BACKEND: 'builtin',
      INTENT_MODEL_VERSION: DEFAULT_MODEL_VERSION,
      INTENT_TRAIN_AT_START: false,
      INTENT_TRAIN_PATH: fromRepoRoot('data/intent/train.jsonl'),
      INTENT_DEV_PATH: fromRepoRoot('data/intent/dev.jsonl'),
      INTENT_CATALOG_PATH: fromRepoRoot('data/catalog/catalog.jsonl'),
      INTENT_MIN_CONFIDENCE: 0.45,
    });
    expect(config.INTENT_MODEL_PATH).toBeUndefined();
    expect(modelDirectory(config)).toBe(fromRepoRoot(`models/intent/${DEFAULT_MODEL_VERSION}`));
    expect(classifierSourceFor(config).describe()).toBe(
      `loaded from ${fromRepoRoot(`models/intent/${DEFAULT_MODEL_VERSION}`)}`,
    );
  });

  it('chooses the backend: a named version, a path, training at start, or ONNX', () => {
    expect(modelDirectory(loadIntentConfig({ INTENT_MODEL_VERSION: 'v7' }))).toBe(
      fromRepoRoot('models/intent/v7'),
    );
    const pathed = loadIntentConfig({ INTENT_MODEL_PATH: '/models/x', INTENT_MODEL_VERSION: 'v7' });
    expect(modelDirectory(pathed)).toBe('/models/x');
    expect(
      classifierSourceFor(loadIntentConfig({ INTENT_TRAIN_AT_START: 'yes' })).describe(),
    ).toMatch(/^trained at start on .*data\/intent\/train\.jsonl/);
    expect(
      classifierSourceFor(
        loadIntentConfig({ INTENT_BACKEND: 'onnx', INTENT_ONNX_DIR: 'models/onnx' }),
      ).describe(),
    ).toBe(`ONNX model from ${fromRepoRoot('models/onnx')}`);
  });

  it('resolves relative data paths from the repository root and keeps absolute ones', () => {
    const config = loadIntentConfig({
      INTENT_TRAIN_PATH: 'x/train.jsonl',
      INTENT_MODEL_PATH: '/models/intent/v1',
    });
    expect(config.INTENT_TRAIN_PATH).toBe(fromRepoRoot('x/train.jsonl'));
    expect(config.INTENT_MODEL_PATH).toBe('/models/intent/v1');
  });

  it('names the bad variables', () => {
    expect(() => loadIntentConfig({ INTENT_PORT: '0', INTENT_MIN_CONFIDENCE: '1.5' })).toThrow(
      ConfigError,
    );
    const message = (env: NodeJS.ProcessEnv) => {
      try {
        loadIntentConfig(env);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message({ INTENT_MIN_CONFIDENCE: 'high' })).toMatch(
      /INTENT_MIN_CONFIDENCE: .*\(got "high"\)/,
    );
    expect(message({ INTENT_MODEL_VERSION: '../v1' })).toMatch(
      /INTENT_MODEL_VERSION: must be a directory name under models\/intent \(got "\.\.\/v1"\)/,
    );
    expect(message({ INTENT_BACKEND: 'onnx' })).toMatch(
      /INTENT_ONNX_DIR: required when INTENT_BACKEND=onnx/,
    );
    expect(message({ INTENT_BACKEND: 'bert' })).toMatch(/INTENT_BACKEND: .*\(got "bert"\)/);
    expect(message({ INTENT_TRAIN_AT_START: 'sometimes' })).toMatch(/INTENT_TRAIN_AT_START/);
  });
});
