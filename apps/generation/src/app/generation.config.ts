import { flag, fromRepoRoot, logFormat, millis, parseConfig, port } from '@mangaassist/config';
import { z } from 'zod';
import { PriceTable, priceTableSchema } from '../cost/price-table';

export const FAULTS = ['throttle', 'unavailable', 'midstream_error', 'slow'] as const;
export type Fault = (typeof FAULTS)[number];

const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(0).max(max).default(fallback);

const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const modelIdSchema = () =>
  z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}$/,
      'must be a model id such as anthropic.claude-3-haiku-20240307-v1:0',
    );

export const generationConfigSchema = z
  .object({
    GENERATION_HOST: z.string().min(1).default('127.0.0.1'),
    GENERATION_PORT: port(50054),
    LOG_FORMAT: logFormat(),
    /** Who writes answers that may use a model; catalog, template and empty-evidence turns never do. */
    GENERATION_PROVIDER: z.enum(['local', 'bedrock', 'openai']).default('local'),
    GENERATION_PROMPTS_DIR: z.string().min(1).default(fromRepoRoot('prompts')),
    /** <name>/<version> of the prompt release models get; recorded in every trace event. */
    GENERATION_PROMPT_VERSION: z.string().min(1).default('grounded-answer/v1'),

    /** Undefined: the standard AWS region chain (AWS_REGION, ~/.aws/config). */
    BEDROCK_REGION: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region such as us-east-1')
      .optional(),
    BEDROCK_ENDPOINT: httpUrl().optional(),
    /** The Haiku-class model most turns use, and every fallback from the strong tier. */
    BEDROCK_MODEL_ID: modelIdSchema().default('anthropic.claude-3-haiku-20240307-v1:0'),
    /** The Sonnet-class model for comparison, recommendation and many-part questions. */
    BEDROCK_STRONG_MODEL_ID: modelIdSchema().default('anthropic.claude-3-5-sonnet-20240620-v1:0'),

    OPENAI_BASE_URL: httpUrl().default('http://127.0.0.1:11434/v1'),
    OPENAI_MODEL: modelIdSchema().default('qwen2.5:7b-instruct'),
    /** Unset: the strong tier uses OPENAI_MODEL too. */
    OPENAI_STRONG_MODEL: modelIdSchema().optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),

    /** JSON {"<model id>": {"input_per_1k": USD, "output_per_1k": USD}} over the built-in table. */
    GENERATION_PRICE_TABLE: z
      .string()
      .default('{}')
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be JSON' });
          return z.NEVER;
        }
      })
      .pipe(priceTableSchema),

    /** Retries of a throttled or unavailable call before falling back to the next model. */
    GENERATION_MAX_RETRIES: count(2, 10),
    GENERATION_RETRY_BASE_MS: millis(100),
    GENERATION_RETRY_MAX_MS: millis(2000),
    /** A model that has not started writing by then is abandoned for the next in the chain. */
    GENERATION_FIRST_TOKEN_TIMEOUT_MS: millis(4000),
    GENERATION_ATTEMPT_TIMEOUT_MS: millis(15_000),
    /** All attempts of one answer together; below the gateway's GENERATION_DEADLINE_MS (20 s). */
    GENERATION_BUDGET_MS: millis(18_000),

    /** Local development only: comma-separated faults injected into the model path. */
    GENERATION_FAULTS: z
      .string()
      .default('')
      .transform((text) =>
        text
          .split(',')
          .map((f) => f.trim())
          .filter((f) => f !== ''),
      )
      .pipe(
        z.array(
          z.enum(FAULTS, { error: `must be a comma-separated list of ${FAULTS.join(', ')}` }),
        ),
      ),
    GENERATION_FAULT_RATE: z.coerce.number().min(0).max(1).default(1),
    GENERATION_FAULT_SLOW_MS: millis(5000),

    GENERATION_CACHE: z.enum(['memory', 'redis', 'off']).default('memory'),
    GENERATION_CACHE_TTL_MS: z.coerce
      .number()
      .int()
      .positive()
      .max(7 * 24 * 3600 * 1000)
      .default(600_000),
    GENERATION_CACHE_MAX_ENTRIES: z.coerce
      .number()
      .int()
      .positive()
      .max(10_000_000)
      .default(10_000),
    /** A Redis lookup slower than this is a miss: the cache must never slow a turn down. */
    GENERATION_CACHE_TIMEOUT_MS: millis(50),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
      .default('redis://127.0.0.1:6379'),
    /** How often the cache hit rate and turn counters are logged; 0 turns the log off. */
    GENERATION_METRICS_LOG_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
    /** Logs each built prompt's compression stats at debug level. */
    GENERATION_LOG_PROMPTS: flag(false),
  })
  .superRefine((config, ctx) => {
    const prices = PriceTable.fromJson(config.GENERATION_PRICE_TABLE);
    for (const [variable, id] of modelVariables(config)) {
      if (id !== undefined && !prices.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: [variable],
          message: `unknown model id "${id}": no entry in the price table (known: ${prices.modelIds.join(', ')}); add one with GENERATION_PRICE_TABLE`,
        });
      }
    }
  });

export type GenerationConfig = z.infer<typeof generationConfigSchema>;

/** The model variables the selected provider uses, so an unused provider's ids are not checked. */
function modelVariables(config: {
  GENERATION_PROVIDER: string;
  BEDROCK_MODEL_ID: string;
  BEDROCK_STRONG_MODEL_ID: string;
  OPENAI_MODEL: string;
  OPENAI_STRONG_MODEL?: string;
}): [string, string | undefined][] {
  if (config.GENERATION_PROVIDER === 'bedrock') {
    return [
      ['BEDROCK_MODEL_ID', config.BEDROCK_MODEL_ID],
      ['BEDROCK_STRONG_MODEL_ID', config.BEDROCK_STRONG_MODEL_ID],
    ];
  }
  if (config.GENERATION_PROVIDER === 'openai') {
    return [
      ['OPENAI_MODEL', config.OPENAI_MODEL],
      ['OPENAI_STRONG_MODEL', config.OPENAI_STRONG_MODEL],
    ];
  }
  return [];
}

export function loadGenerationConfig(env: NodeJS.ProcessEnv = process.env): GenerationConfig {
  return parseConfig('generation', generationConfigSchema, env);
}

export function priceTableOf(config: GenerationConfig): PriceTable {
  return PriceTable.fromJson(config.GENERATION_PRICE_TABLE);
}

/** The fast and strong model ids of the configured provider (the composer for local). */
export function modelIdsOf(config: GenerationConfig): { fast: string; strong: string } {
  switch (config.GENERATION_PROVIDER) {
    case 'bedrock':
      return { fast: config.BEDROCK_MODEL_ID, strong: config.BEDROCK_STRONG_MODEL_ID };
    case 'openai':
      return {
        fast: config.OPENAI_MODEL,
        strong: config.OPENAI_STRONG_MODEL ?? config.OPENAI_MODEL,
      };
    case 'local':
      return { fast: 'local-composer', strong: 'local-composer' };
  }
}
