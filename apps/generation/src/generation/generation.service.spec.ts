import { clone, create } from '@bufbuild/protobuf';
import {
  DocumentSchema,
  FinishReason,
  GenerateRequestSchema,
  type GenerateResponse,
  Intent,
  Locale,
  Route,
} from '@mangaassist/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { MemoryLruAnswerCache } from '../cache/adapters/memory-lru.answer-cache';
import { generationServiceWith } from '../testing/generation-service.fixtures';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import type { AnswerEvent, AnswerProvider, AnswerRequest } from './answer-provider';
import type { GenerationService } from './generation.service';

/** A provider scripted by the test: what it yields, and whether it was stopped. */
class ScriptedProvider implements AnswerProvider {
  readonly modelId = 'scripted';
  readonly promptVersion = 'scripted/v1';
  signal: AbortSignal | undefined;
  finished = false;
  calls = 0;

  constructor(private readonly script: (signal: AbortSignal) => AsyncIterable<AnswerEvent>) {}

  async *generate(_request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent> {
    this.calls += 1;
    this.signal = signal;
    try {
      yield* this.script(signal);
    } finally {
      this.finished = true;
    }
  }
}

/** A model that answers every turn with one sentence and bills tokens. */
function modelAnswering(text: string): ScriptedProvider {
  return new ScriptedProvider(async function* () {
    yield { kind: 'text', text };
    yield {
      kind: 'done',
      metadata: {
        citations: [{ id: 'MA-0001', title: 'ONE PIECE' }],
        finishReason: 'complete',
        modelId: 'scripted',
        promptVersion: 'scripted/v1',
        inputTokens: 900,
        outputTokens: 40,
        estimatedCostUsd: 0.000275,
        attempts: [],
      },
    };
  });
}

function deltas(events: GenerateResponse[]): string[] {
  return events.flatMap((e) => (e.event.case === 'delta' ? [e.event.value.text] : []));
}

function finalOf(events: GenerateResponse[]) {
  const last = events.at(-1)?.event;
  if (last?.case !== 'final') throw new Error('the stream did not end with a final event');
  return last.value;
}

async function run(
  service: GenerationService,
  fields: Parameters<typeof create<typeof GenerateRequestSchema>>[1],
): Promise<GenerateResponse[]> {
  return lastValueFrom(service.generate(create(GenerateRequestSchema, fields)).pipe(toArray()));
}

describe('GenerationService', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  it.each([
    ['ja', Locale.JA, 'ONE PIECEの作者と値段と次の巻を教えて', '尾田栄一郎'],
    [
      'en',
      Locale.EN,
      'Who wrote One Piece, how much is it and when is the next volume?',
      'Eiichiro Oda',
    ],
  ] as const)(
    'streams %s deltas and then exactly one final event',
    async (_name, locale, question, author) => {
      const { service } = generationServiceWith();
      const events = await run(service, { question, locale, evidence: store.docs('MA-0001') });
      const finals = events.filter((e) => e.event.case === 'final');
      expect(finals).toHaveLength(1);
      expect(deltas(events).length).toBeGreaterThan(1);
      const final = finalOf(events);
      expect(final.answer).toBe(deltas(events).join(''));
      expect(final.answer).toContain(author);
      expect(final.finishReason).toBe(FinishReason.COMPLETE);
      expect(final.modelId).toBe('local-composer');
      expect(final.promptVersion).toBe('local-composer/v1');
      expect(final.inputTokens).toBe(0);
      expect(final.outputTokens).toBe(0);
      expect(final.estimatedCostUsd).toBe(0);
      expect(final.cacheHit).toBe(false);
      expect(final.attempts.map((a) => [a.modelId, a.outcome])).toEqual([['local-composer', 'ok']]);
      expect(final.citations.map((c) => c.id)).toEqual(['MA-0001']);
    },
  );

  it('answers in the language of the question when the locale is unspecified', async () => {
    const { service } = generationServiceWith();
    const answer = async (question: string) =>
      deltas(await run(service, { question, evidence: store.docs('MA-0002') })).join('');
    expect(await answer('ナルトは完結してる？')).toContain('2014年完結');
    expect(await answer('Is Naruto finished?')).toContain('it ended in 2014');
  });

  describe('which turns may reach a model', () => {
    it.each([
      [
        'availability_price (api)',
        Intent.AVAILABILITY_PRICE,
        Route.API,
        'ONE PIECEの値段は？',
        'MA-0001',
      ],
      [
        'release_preorder (api)',
        Intent.RELEASE_PREORDER,
        Route.API,
        'When is the next One Piece out?',
        'MA-0001',
      ],
      [
        'shipping (template)',
        Intent.SHIPPING_DELIVERY,
        Route.TEMPLATE,
        '送料はいくら？',
        'POL-001',
      ],
      ['a clarifying question', Intent.PRODUCT_QUESTION, Route.CLARIFY, 'that one?', 'MA-0001'],
      [
        'an order question on the llm route',
        Intent.ORDER_STATUS,
        Route.LLM,
        '注文はどこ？',
        'MA-0001',
      ],
    ])('%s is composed without the model', async (_name, intent, route, question, id) => {
      const model = modelAnswering('from the model');
      const { service } = generationServiceWith({ model });
      const final = finalOf(
        await run(service, { question, intent, route, evidence: store.docs(id) }),
      );
      expect(model.calls).toBe(0);
      expect(final.modelId).toBe('local-composer');
      expect(final.answer).not.toContain('from the model');
    });

    it.each([
      [
        'ja',
        'ゾンビ探偵は何巻まで出てる？',
        /申し訳ありません、該当する作品が見つかりませんでした/,
      ],
      ['en', 'How many volumes of Zombie Detective?', /couldn't find that in our catalog/],
    ])(
      'a %s turn without evidence gets the safe answer, not the model',
      async (_n, question, safe) => {
        const model = modelAnswering('invented');
        const { service } = generationServiceWith({ model });
        const final = finalOf(
          await run(service, { question, intent: Intent.PRODUCT_QUESTION, route: Route.RAG }),
        );
        expect(model.calls).toBe(0);
        expect(final.answer).toMatch(safe);
        expect(final.answer).not.toMatch(/\d/);
      },
    );

    it.each([
      ['product_question', Intent.PRODUCT_QUESTION, Route.RAG],
      ['product_search', Intent.PRODUCT_SEARCH, Route.RAG],
      ['a low-confidence turn', Intent.AVAILABILITY_PRICE, Route.LLM],
    ])(
      '%s with evidence goes to the model and carries its tokens and cost',
      async (_n, intent, route) => {
        const model = modelAnswering('ONE PIECE has 116 volumes.');
        const { service } = generationServiceWith({ model });
        const final = finalOf(
          await run(service, {
            question: 'Tell me about One Piece',
            intent,
            route,
            evidence: store.docs('MA-0001'),
          }),
        );
        expect(model.calls).toBe(1);
        expect(final.modelId).toBe('scripted');
        expect(final.inputTokens).toBe(900);
        expect(final.outputTokens).toBe(40);
        expect(final.estimatedCostUsd).toBeCloseTo(0.000275, 9);
        expect(final.attempts.map((a) => a.outcome)).toEqual(['ok']);
      },
    );
  });

  describe('answer cache', () => {
    it.each([
      ['ja', 'ONE PIECEは何巻まで出ていますか？', 'ONE PIECE は 何巻まで 出ていますか'],
      ['en', 'How many volumes of One Piece are out?', 'how many volumes of one piece are out'],
    ])(
      'serves a repeated %s question from the cache, billing nothing',
      async (_n, first, again) => {
        const model = modelAnswering('ONE PIECE has 116 volumes so far.');
        const { service, metrics } = generationServiceWith({
          model,
          cache: new MemoryLruAnswerCache(100),
        });
        const request = {
          intent: Intent.PRODUCT_QUESTION,
          route: Route.RAG,
          evidence: store.docs('MA-0001'),
        };
        const miss = finalOf(await run(service, { ...request, question: first }));
        await sleep(1);
        const hitEvents = await run(service, { ...request, question: again });
        const hit = finalOf(hitEvents);
        expect(model.calls).toBe(1);
        expect(miss.cacheHit).toBe(false);
        expect(hit.cacheHit).toBe(true);
        expect(hit.answer).toBe(miss.answer);
        expect(deltas(hitEvents).join('')).toBe(hit.answer);
        expect(hit.citations).toEqual(miss.citations);
        expect(hit.modelId).toBe('scripted');
        expect(hit.estimatedCostUsd).toBe(0);
        expect(hit.inputTokens).toBe(0);
        expect(hit.attempts).toEqual([]);
        expect(metrics.snapshot().cache).toMatchObject({ hits: 1, misses: 1, hitRate: 0.5 });
      },
    );

    it('misses when the catalog record changed (a new price is a new key)', async () => {
      const model = modelAnswering('price answer');
      const { service } = generationServiceWith({ model, cache: new MemoryLruAnswerCache(100) });
      const before = store.docs('MA-0001');
      const after = store.docs('MA-0001').map((d) => clone(DocumentSchema, d));
      const item = after[0].content.value;
      if (item?.$typeName !== 'mangaassist.store.v1.CatalogItem' || !item.priceJpy) {
        throw new Error('no item');
      }
      item.priceJpy.print = (item.priceJpy.print ?? 0) + 10;
      const request = {
        question: 'ONE PIECEの話',
        intent: Intent.PRODUCT_QUESTION,
        route: Route.RAG,
      };
      await run(service, { ...request, evidence: before });
      await sleep(1);
      const final = finalOf(await run(service, { ...request, evidence: after }));
      expect(final.cacheHit).toBe(false);
      expect(model.calls).toBe(2);
    });

    it('does not cache a failed answer', async () => {
      let calls = 0;
      const model = new ScriptedProvider(async function* () {
        calls += 1;
        yield { kind: 'text', text: 'ONE PIECEは' };
        throw new Error('connection reset');
      });
      const { service } = generationServiceWith({ model, cache: new MemoryLruAnswerCache(100) });
      const request = {
        question: 'ONE PIECEは何巻？',
        intent: Intent.PRODUCT_QUESTION,
        route: Route.RAG,
        evidence: store.docs('MA-0001'),
      };
      await run(service, request);
      await run(service, request);
      expect(calls).toBe(2);
    });
  });

  it('ends with finish_reason ERROR and no answer when the provider fails midway', async () => {
    const provider = new ScriptedProvider(async function* () {
      yield { kind: 'text', text: 'ONE PIECEは' };
      yield { kind: 'text', text: '現在' };
      throw new Error('model endpoint reset the connection');
    });
    const { service } = generationServiceWith({ model: provider });
    const events = await run(service, {
      question: 'ONE PIECEは何巻？',
      intent: Intent.PRODUCT_QUESTION,
      evidence: store.docs('MA-0001'),
    });
    expect(deltas(events)).toEqual(['ONE PIECEは', '現在']);
    const final = finalOf(events);
    expect(final.finishReason).toBe(FinishReason.ERROR);
    expect(final.errorMessage).toContain('model endpoint reset the connection');
    expect(final.answer).toBe('');
    expect(final.modelId).toBe('scripted');
    expect(final.attempts.map((a) => [a.modelId, a.outcome])).toEqual([['scripted', 'error']]);
  });

  it('treats a provider that stops without its done event as an error', async () => {
    const provider = new ScriptedProvider(async function* () {
      yield { kind: 'text', text: 'How many' };
    });
    const { service } = generationServiceWith({ model: provider });
    const final = finalOf(
      await run(service, { question: 'How many volumes?', evidence: store.docs('MA-0001') }),
    );
    expect(final.finishReason).toBe(FinishReason.ERROR);
  });

  it('aborts the provider when the subscriber unsubscribes (client cancelled)', async () => {
    const provider = new ScriptedProvider(async function* (signal) {
      for (let i = 0; !signal.aborted; i++) {
        yield { kind: 'text', text: `piece ${i} ` };
        await sleep(5);
      }
    });
    const { service } = generationServiceWith({ model: provider });
    const first = await firstValueFrom(
      service
        .generate(
          create(GenerateRequestSchema, {
            question: 'Tell me everything',
            evidence: store.docs('MA-0001'),
          }),
        )
        .pipe(take(1)),
    );
    expect(first.event.case).toBe('delta');
    for (let i = 0; i < 50 && !provider.finished; i++) await sleep(5);
    expect(provider.signal?.aborted).toBe(true);
    expect(provider.finished).toBe(true);
  });

  it('rejects a bad request before streaming anything', () => {
    const { service } = generationServiceWith();
    expect(() => service.generate(create(GenerateRequestSchema, { question: '  ' }))).toThrow(
      'question: must not be empty',
    );
  });
});
