import { ConfigError } from '@mangaassist/config';
import { Logger } from '@nestjs/common';
import { DisabledAnswerCache, type AnswerCache } from '../cache/answer-cache';
import { MemoryLruAnswerCache } from '../cache/adapters/memory-lru.answer-cache';
import { RedisAnswerCache } from '../cache/adapters/redis.answer-cache';
import type { PriceTable } from '../cost/price-table';
import { LocalComposerProvider } from '../generation/adapters/local-composer.provider';
import type { AnswerProvider, AnswerProviders, ModelTier } from '../generation/answer-provider';
import {
  type BedrockClientOptions,
  BedrockConverseModelClient,
  createBedrockRuntimeClient,
} from '../llm/adapters/bedrock-converse.model-client';
import { OpenAiChatModelClient } from '../llm/adapters/openai-chat.model-client';
import type { ModelClient } from '../llm/model-client';
import { PromptedModelProvider } from '../llm/prompted-model.provider';
import { PromptRegistry, type PromptRelease } from '../prompts/prompt-registry';
import { FaultInjectingProvider } from '../resilience/fault-injection';
import {
  ResilientAnswerProvider,
  type ResiliencePolicy,
} from '../resilience/resilient-answer.provider';
import { type GenerationConfig, modelIdsOf, priceTableOf } from './generation.config';

/** Everything the service needs that is built from config before Nest starts. */
export interface GenerationRuntime {
  config: GenerationConfig;
  prompt: PromptRelease;
  prices: PriceTable;
  providers: AnswerProviders;
  cache: AnswerCache;
  /** Closes the model client's connections and the cache; called when the module shuts down. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Tests against the fake Bedrock endpoint pass static keys instead of the AWS chain. */
  bedrockCredentials?: BedrockClientOptions['credentials'];
  /** Seeds jitter and fault injection in tests. */
  random?: () => number;
}

/** How long start-up waits for Redis before serving with a cold (always-missing) cache. */
const REDIS_READY_TIMEOUT_MS = 2000;

/**
 * Builds the prompt release, the model clients, the provider chains and the cache from the
 * validated config. Everything that can be wrong in a deployment is checked here, before the
 * port opens: an unknown prompt version, a broken prompt file, or Bedrock without a region
 * stops the service with a ConfigError naming the variable or file.
 */
export async function createGenerationRuntime(
  config: GenerationConfig,
  options: RuntimeOptions = {},
): Promise<GenerationRuntime> {
  const logger = new Logger('GenerationRuntime');
  const registry = PromptRegistry.load(config.GENERATION_PROMPTS_DIR);
  const prompt = registry.require(config.GENERATION_PROMPT_VERSION);
  const prices = priceTableOf(config);
  const composer = new LocalComposerProvider();
  const client = await modelClient(config, options);
  const policy: ResiliencePolicy = {
    maxRetries: config.GENERATION_MAX_RETRIES,
    retryBaseMs: config.GENERATION_RETRY_BASE_MS,
    retryMaxMs: config.GENERATION_RETRY_MAX_MS,
    firstTokenTimeoutMs: config.GENERATION_FIRST_TOKEN_TIMEOUT_MS,
    attemptTimeoutMs: config.GENERATION_ATTEMPT_TIMEOUT_MS,
    budgetMs: config.GENERATION_BUDGET_MS,
  };
  const faulty = (provider: AnswerProvider): AnswerProvider =>
    config.GENERATION_FAULTS.length === 0
      ? provider
      : new FaultInjectingProvider(provider, {
          faults: config.GENERATION_FAULTS,
          rate: config.GENERATION_FAULT_RATE,
          slowMs: config.GENERATION_FAULT_SLOW_MS,
          random: options.random,
        });
  if (config.GENERATION_FAULTS.length > 0) {
    logger.warn(
      `fault injection on: ${config.GENERATION_FAULTS.join(',')} at rate ${config.GENERATION_FAULT_RATE}`,
    );
  }

  const models = modelIdsOf(config);
  const model = (id: string) =>
    client
      ? faulty(
          new PromptedModelProvider(client, id, prompt, prices, {
            logPrompts: config.GENERATION_LOG_PROMPTS,
          }),
        )
      : faulty(composer);
  // Fallback order: strong -> fast -> local composer. The composer at the end is never faulted:
  // it is what keeps the shop answering while every model is down.
  const fastChain = client ? [model(models.fast), composer] : [model(models.fast)];
  const strongChain =
    client && models.strong !== models.fast ? [model(models.strong), ...fastChain] : fastChain;
  const chains: Record<ModelTier, AnswerProvider> = {
    fast: new ResilientAnswerProvider(fastChain, policy, prices, options.random),
    strong: new ResilientAnswerProvider(strongChain, policy, prices, options.random),
  };
  logger.log(
    `provider=${config.GENERATION_PROVIDER} prompt=${prompt.id} fast=[${chainIds(fastChain)}] ` +
      `strong=[${chainIds(strongChain)}] cache=${config.GENERATION_CACHE}`,
  );
  const cache = await answerCache(config, logger);
  return {
    config,
    prompt,
    prices,
    providers: { composer, forTier: (tier) => chains[tier] },
    cache,
    close: async () => {
      client?.close();
      await cache.close();
    },
  };
}

function chainIds(chain: readonly AnswerProvider[]): string {
  return chain.map((p) => p.modelId).join(' -> ');
}

async function modelClient(
  config: GenerationConfig,
  options: RuntimeOptions,
): Promise<ModelClient | undefined> {
  switch (config.GENERATION_PROVIDER) {
    case 'local':
      return undefined;
    case 'openai':
      return new OpenAiChatModelClient({
        baseUrl: config.OPENAI_BASE_URL,
        apiKey: config.OPENAI_API_KEY,
      });
    case 'bedrock': {
      const client = createBedrockRuntimeClient({
        region: config.BEDROCK_REGION,
        endpoint: config.BEDROCK_ENDPOINT,
        credentials: options.bedrockCredentials,
      });
      try {
        await client.config.region();
      } catch {
        throw new ConfigError('generation', [
          'BEDROCK_REGION: not set, and the AWS region chain (AWS_REGION, AWS_DEFAULT_REGION, ~/.aws/config) has none',
        ]);
      }
      return new BedrockConverseModelClient(client);
    }
  }
}

async function answerCache(config: GenerationConfig, logger: Logger): Promise<AnswerCache> {
  switch (config.GENERATION_CACHE) {
    case 'off':
      return new DisabledAnswerCache();
    case 'memory':
      return new MemoryLruAnswerCache(config.GENERATION_CACHE_MAX_ENTRIES);
    case 'redis': {
      const cache = new RedisAnswerCache({
        url: config.REDIS_URL,
        commandTimeoutMs: config.GENERATION_CACHE_TIMEOUT_MS,
      });
      if (!(await cache.ready(REDIS_READY_TIMEOUT_MS))) {
        logger.warn(
          `redis at ${redactUrl(config.REDIS_URL)} is not reachable yet; answering without the cache until it is`,
        );
      }
      return cache;
    }
  }
}

/** The URL without its password, for logs. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
