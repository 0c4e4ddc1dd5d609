import { Intent, Route } from '@mangaassist/contracts';
import { fromRepoRoot } from '@mangaassist/config';
import { PriceTable } from '../cost/price-table';
import { LocalComposerProvider } from '../generation/adapters/local-composer.provider';
import type { AnswerEvent, AnswerMetadata, AnswerRequest } from '../generation/answer-provider';
import { PromptedModelProvider } from '../llm/prompted-model.provider';
import { PromptRegistry, type PromptRelease } from '../prompts/prompt-registry';
import { type ModelScript, ScriptedModelClient } from '../testing/scripted-model.client';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import {
  GenerationFailure,
  type ResiliencePolicy,
  ResilientAnswerProvider,
} from './resilient-answer.provider';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

const POLICY: ResiliencePolicy = {
  maxRetries: 2,
  retryBaseMs: 5,
  retryMaxMs: 20,
  firstTokenTimeoutMs: 400,
  attemptTimeoutMs: 2000,
  budgetMs: 5000,
};

async function run(
  provider: ResilientAnswerProvider,
  request: AnswerRequest,
  signal = new AbortController().signal,
): Promise<{ texts: string[]; metadata?: AnswerMetadata; error?: unknown }> {
  const texts: string[] = [];
  try {
    for await (const event of provider.generate(request, signal) as AsyncIterable<AnswerEvent>) {
      if (event.kind === 'text') texts.push(event.text);
      else return { texts, metadata: event.metadata };
    }
    return { texts };
  } catch (error) {
    return { texts, error };
  }
}

describe('ResilientAnswerProvider', () => {
  let store: StoreFixtures;
  let release: PromptRelease;
  const prices = new PriceTable();
  beforeAll(async () => {
    store = await storeFixtures();
    release = PromptRegistry.load(fromRepoRoot('prompts')).require('grounded-answer/v1');
  });

  const request = (question: string, locale: 'ja' | 'en'): AnswerRequest => ({
    question,
    locale,
    intent: Intent.PRODUCT_QUESTION,
    route: Route.RAG,
    entities: undefined,
    evidence: store.docs('MA-0001'),
    history: [],
    signedIn: false,
    traceId: 'trace',
  });

  /** strong -> fast -> composer, each model scripted per call by model id. */
  function chain(script: (modelId: string, callOfModel: number) => ModelScript) {
    const perModel = new Map<string, number>();
    const client = new ScriptedModelClient((call) => {
      const n = perModel.get(call.modelId) ?? 0;
      perModel.set(call.modelId, n + 1);
      return script(call.modelId, n);
    });
    const model = (id: string) => new PromptedModelProvider(client, id, release, prices);
    const provider = new ResilientAnswerProvider(
      [model(SONNET), model(HAIKU), new LocalComposerProvider()],
      POLICY,
      prices,
      () => 0.5,
    );
    return { client, provider };
  }

  it('answers from the first model, citations from its markers, tokens and cost from its usage', async () => {
    const { provider } = chain(() => ({
      chunks: ['ONE PIECEは現在116巻まで', '発売されています。[MA-0001]'],
      usage: { inputTokens: 1000, outputTokens: 50 },
    }));
    const { texts, metadata } = await run(provider, request('ONE PIECEは何巻？', 'ja'));
    expect(texts.join('')).toBe('ONE PIECEは現在116巻まで発売されています。');
    expect(metadata?.modelId).toBe(SONNET);
    expect(metadata?.promptVersion).toBe('grounded-answer/v1');
    expect(metadata?.citations).toEqual([{ id: 'MA-0001', title: 'ONE PIECE' }]);
    expect(metadata?.inputTokens).toBe(1000);
    expect(metadata?.estimatedCostUsd).toBeCloseTo(0.003 + 0.00075, 9);
    expect(metadata?.attempts.map((a) => [a.modelId, a.outcome])).toEqual([[SONNET, 'ok']]);
  });

  it('retries a throttled model with backoff, then answers', async () => {
    const { provider, client } = chain((_model, n) =>
      n < 2
        ? { chunks: [], failBefore: 'throttled' }
        : { chunks: ['One Piece has 116 volumes. [MA-0001]'] },
    );
    const { metadata } = await run(provider, request('How many volumes of One Piece?', 'en'));
    expect(client.calls.map((c) => c.modelId)).toEqual([SONNET, SONNET, SONNET]);
    expect(metadata?.attempts.map((a) => a.outcome)).toEqual(['throttled', 'throttled', 'ok']);
    expect(metadata?.modelId).toBe(SONNET);
  });

  it('falls back Sonnet -> Haiku when the strong model stays throttled, recording the chain', async () => {
    const { provider } = chain((model) =>
      model === SONNET
        ? { chunks: [], failBefore: 'throttled' }
        : { chunks: ['Naruto is complete. [MA-0002]'] },
    );
    const { metadata } = await run(provider, request('Is Naruto finished?', 'en'));
    expect(metadata?.modelId).toBe(HAIKU);
    expect(metadata?.attempts.map((a) => [a.modelId, a.outcome])).toEqual([
      [SONNET, 'throttled'],
      [SONNET, 'throttled'],
      [SONNET, 'throttled'],
      [HAIKU, 'ok'],
    ]);
  });

  it('falls back to the local composer when every model is down, still grounded and cited', async () => {
    const { provider } = chain(() => ({ chunks: [], failBefore: 'unavailable' }));
    const { texts, metadata } = await run(
      provider,
      request('ONE PIECEは何巻まで出ていますか？', 'ja'),
    );
    expect(metadata?.modelId).toBe('local-composer');
    expect(texts.join('')).toContain('116巻');
    expect(metadata?.citations.map((c) => c.id)).toEqual(['MA-0001']);
    expect(metadata?.attempts.map((a) => a.modelId)).toEqual([
      SONNET,
      SONNET,
      SONNET,
      HAIKU,
      HAIKU,
      HAIKU,
      'local-composer',
    ]);
    expect(metadata?.estimatedCostUsd).toBe(0);
  });

  it('does not retry a validation error, it falls back at once', async () => {
    const { provider, client } = chain((model) =>
      model === SONNET ? { chunks: [], failBefore: 'error' } : { chunks: ['ok [MA-0001]'] },
    );
    await run(provider, request('One Piece?', 'en'));
    expect(client.calls.map((c) => c.modelId)).toEqual([SONNET, HAIKU]);
  });

  it('abandons a model that has not started within the first-token timeout', async () => {
    const { provider } = chain((model) =>
      model === SONNET
        ? { chunks: ['too late'], delayMs: 2000 }
        : { chunks: ['One Piece has 116 volumes. [MA-0001]'] },
    );
    const started = Date.now();
    const { metadata } = await run(provider, request('How many volumes of One Piece?', 'en'));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(metadata?.attempts.map((a) => [a.modelId, a.outcome])).toEqual([
      [SONNET, 'timeout'],
      [HAIKU, 'ok'],
    ]);
  });

  it('times out a provider that ignores its abort signal', async () => {
    const { provider } = chain((model) =>
      model === SONNET
        ? { chunks: ['late'], delayMs: 1500, ignoreAbort: true }
        : { chunks: ['fine [MA-0001]'] },
    );
    const { metadata } = await run(provider, request('One Piece?', 'en'));
    expect(metadata?.attempts[0].outcome).toBe('timeout');
    expect(metadata?.modelId).toBe(HAIKU);
  });

  it('never falls back once text was streamed: the failure carries the attempts and the billed tokens', async () => {
    const { provider, client } = chain(() => ({
      chunks: ['ONE PIECEは', '116巻', 'です。'],
      failAfter: 2,
    }));
    const { texts, error } = await run(provider, request('ONE PIECEは何巻？', 'ja'));
    expect(texts.join('')).toBe('ONE PIECEは116巻');
    expect(error).toBeInstanceOf(GenerationFailure);
    const failure = error as GenerationFailure;
    expect(client.calls).toHaveLength(1);
    expect(failure.message).toContain('failed after its answer had started');
    expect(failure.attempts.map((a) => a.outcome)).toEqual(['error']);
    expect(failure.attempts[0].inputTokens).toBeGreaterThan(100);
    expect(failure.estimatedCostUsd).toBeGreaterThan(0);
    expect(failure.modelId).toBe(SONNET);
  });

  it('stops quietly when the caller cancels during a backoff', async () => {
    const { client } = chain(() => ({ chunks: [], failBefore: 'throttled' }));
    const slowRetry = new ResilientAnswerProvider(
      [new PromptedModelProvider(client, HAIKU, release, prices)],
      { ...POLICY, retryBaseMs: 5000, retryMaxMs: 5000 },
      prices,
      () => 0.9,
    );
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    const started = Date.now();
    const { metadata, error } = await run(slowRetry, request('One Piece?', 'en'), abort.signal);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(metadata).toBeUndefined();
    expect(error).toBeUndefined();
  });

  it('treats an empty model answer as a failure and falls back', async () => {
    const { provider } = chain((model) =>
      model === SONNET ? { chunks: ['[MA-0001]'] } : { chunks: ['One Piece. [MA-0001]'] },
    );
    const { metadata } = await run(provider, request('One Piece?', 'en'));
    expect(metadata?.attempts.map((a) => a.outcome)).toEqual(['error', 'ok']);
  });
});
