import { ConfigError } from '@mangaassist/config';
import { loadGenerationConfig, modelIdsOf, priceTableOf } from './generation.config';
import { createGenerationRuntime } from './generation-runtime';

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadGenerationConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('generation config', () => {
  it('works with an empty environment: local composer, memory cache, the shipped prompt', () => {
    const config = loadGenerationConfig({});
    expect(config.GENERATION_PROVIDER).toBe('local');
    expect(config.GENERATION_CACHE).toBe('memory');
    expect(config.GENERATION_PROMPT_VERSION).toBe('grounded-answer/v1');
    expect(config.GENERATION_FAULTS).toEqual([]);
    expect(modelIdsOf(config)).toEqual({ fast: 'local-composer', strong: 'local-composer' });
  });

  it('picks the Bedrock tiers, and the OpenAI model for both tiers unless a strong one is set', () => {
    expect(modelIdsOf(loadGenerationConfig({ GENERATION_PROVIDER: 'bedrock' }))).toEqual({
      fast: 'anthropic.claude-3-haiku-20240307-v1:0',
      strong: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    });
    expect(modelIdsOf(loadGenerationConfig({ GENERATION_PROVIDER: 'openai' }))).toEqual({
      fast: 'qwen2.5:7b-instruct',
      strong: 'qwen2.5:7b-instruct',
    });
  });

  it('refuses an unknown model id, naming the variable and how to price it', () => {
    expect(
      problems({ GENERATION_PROVIDER: 'bedrock', BEDROCK_STRONG_MODEL_ID: 'anthropic.claude-9' }),
    ).toMatch(
      /BEDROCK_STRONG_MODEL_ID: unknown model id "anthropic.claude-9".*GENERATION_PRICE_TABLE/,
    );
    expect(problems({ GENERATION_PROVIDER: 'openai', OPENAI_MODEL: 'llama3.1:8b' })).toMatch(
      /OPENAI_MODEL: unknown model id "llama3.1:8b"/,
    );
  });

  it('accepts a model priced through GENERATION_PRICE_TABLE and uses its price', () => {
    const config = loadGenerationConfig({
      GENERATION_PROVIDER: 'openai',
      OPENAI_MODEL: 'llama3.1:8b',
      GENERATION_PRICE_TABLE: '{"llama3.1:8b": {"input_per_1k": 0.0001, "output_per_1k": 0.0002}}',
    });
    expect(priceTableOf(config).cost('llama3.1:8b', 2000, 1000)).toBeCloseTo(0.0004, 10);
    expect(
      priceTableOf(config).cost('anthropic.claude-3-haiku-20240307-v1:0', 1000, 1000),
    ).toBeCloseTo(0.0015, 10);
  });

  it.each([
    [{ GENERATION_PROVIDER: 'gpt' }, /GENERATION_PROVIDER/],
    [{ GENERATION_PRICE_TABLE: '{bad json' }, /GENERATION_PRICE_TABLE: must be JSON/],
    [
      { GENERATION_PRICE_TABLE: '{"m": {"input_per_1k": -1, "output_per_1k": 0}}' },
      /GENERATION_PRICE_TABLE/,
    ],
    [{ GENERATION_FAULTS: 'throttle,explode' }, /GENERATION_FAULTS/],
    [{ GENERATION_CACHE: 'memcached' }, /GENERATION_CACHE/],
    [{ REDIS_URL: 'http://localhost' }, /REDIS_URL: must be a redis/],
    [{ BEDROCK_ENDPOINT: 'not a url' }, /BEDROCK_ENDPOINT/],
    [{ BEDROCK_REGION: 'tokyo' }, /BEDROCK_REGION: must be a region/],
    [{ GENERATION_FAULT_RATE: '2' }, /GENERATION_FAULT_RATE/],
  ])('refuses %j', (env, message) => {
    expect(problems(env)).toMatch(message);
  });

  it('refuses to start with an unknown prompt version, naming it', async () => {
    await expect(
      createGenerationRuntime(
        loadGenerationConfig({ GENERATION_PROMPT_VERSION: 'grounded-answer/v7' }),
      ),
    ).rejects.toThrow(/GENERATION_PROMPT_VERSION: unknown prompt version "grounded-answer\/v7"/);
  });

  it('refuses to start Bedrock without a region anywhere in the AWS chain', async () => {
    const saved = { ...process.env };
    for (const key of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) delete process.env[key];
    process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
    try {
      await expect(
        createGenerationRuntime(
          loadGenerationConfig({ GENERATION_PROVIDER: 'bedrock', GENERATION_CACHE: 'off' }),
        ),
      ).rejects.toThrow(/BEDROCK_REGION: not set/);
    } finally {
      process.env = saved;
    }
  });
});
