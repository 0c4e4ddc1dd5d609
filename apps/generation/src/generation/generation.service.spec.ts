import { create } from '@bufbuild/protobuf';
import {
  FinishReason,
  GenerateRequestSchema,
  type GenerateResponse,
  Intent,
  Locale,
} from '@mangaassist/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { LocalComposerProvider } from './adapters/local-composer.provider';
import type { AnswerEvent, AnswerProvider, AnswerRequest } from './answer-provider';
import { GenerationService } from './generation.service';

/** A provider scripted by the test: what it yields, and whether it was stopped. */
class ScriptedProvider implements AnswerProvider {
  readonly modelId = 'scripted';
  readonly promptVersion = 'scripted/v1';
  signal: AbortSignal | undefined;
  finished = false;

  constructor(private readonly script: (signal: AbortSignal) => AsyncIterable<AnswerEvent>) {}

  async *generate(_request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent> {
    this.signal = signal;
    try {
      yield* this.script(signal);
    } finally {
      this.finished = true;
    }
  }
}

function deltas(events: GenerateResponse[]): string[] {
  return events.flatMap((e) => (e.event.case === 'delta' ? [e.event.value.text] : []));
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
      const service = new GenerationService(new LocalComposerProvider());
      const events = await lastValueFrom(
        service
          .generate(
            create(GenerateRequestSchema, { question, locale, evidence: store.docs('MA-0001') }),
          )
          .pipe(toArray()),
      );
      const finals = events.filter((e) => e.event.case === 'final');
      expect(finals).toHaveLength(1);
      expect(events.at(-1)?.event.case).toBe('final');
      expect(deltas(events).length).toBeGreaterThan(1);
      const final = finals[0].event.value;
      if (final?.$typeName !== 'mangaassist.generation.v1.Final') throw new Error('no final');
      expect(final.answer).toBe(deltas(events).join(''));
      expect(final.answer).toContain(author);
      expect(final.finishReason).toBe(FinishReason.COMPLETE);
      expect(final.modelId).toBe('local-composer');
      expect(final.promptVersion).toBe('local-composer/v1');
      expect(final.inputTokens).toBe(0);
      expect(final.outputTokens).toBe(0);
      expect(final.citations.map((c) => c.id)).toEqual(['MA-0001']);
    },
  );

  it('answers in the language of the question when the locale is unspecified', async () => {
    const service = new GenerationService(new LocalComposerProvider());
    const run = async (question: string) => {
      const events = await lastValueFrom(
        service
          .generate(create(GenerateRequestSchema, { question, evidence: store.docs('MA-0002') }))
          .pipe(toArray()),
      );
      return deltas(events).join('');
    };
    expect(await run('ナルトは完結してる？')).toContain('2014年完結');
    expect(await run('Is Naruto finished?')).toContain('it ended in 2014');
  });

  it('ends with finish_reason ERROR and no answer when the provider fails midway', async () => {
    const provider = new ScriptedProvider(async function* () {
      yield { kind: 'text', text: 'ONE PIECEは' };
      yield { kind: 'text', text: '現在' };
      throw new Error('model endpoint reset the connection');
    });
    const events = await lastValueFrom(
      new GenerationService(provider)
        .generate(
          create(GenerateRequestSchema, {
            question: 'ONE PIECEは何巻？',
            intent: Intent.PRODUCT_QUESTION,
          }),
        )
        .pipe(toArray()),
    );
    expect(deltas(events)).toEqual(['ONE PIECEは', '現在']);
    const final = events.at(-1)?.event;
    expect(final?.case).toBe('final');
    if (final?.case !== 'final') return;
    expect(final.value.finishReason).toBe(FinishReason.ERROR);
    expect(final.value.errorMessage).toContain('model endpoint reset the connection');
    expect(final.value.answer).toBe('');
    expect(final.value.modelId).toBe('scripted');
  });

  it('treats a provider that stops without its done event as an error', async () => {
    const provider = new ScriptedProvider(async function* () {
      yield { kind: 'text', text: 'How many' };
    });
    const events = await lastValueFrom(
      new GenerationService(provider)
        .generate(create(GenerateRequestSchema, { question: 'How many volumes?' }))
        .pipe(toArray()),
    );
    const final = events.at(-1)?.event;
    expect(final?.case === 'final' && final.value.finishReason).toBe(FinishReason.ERROR);
  });

  it('aborts the provider when the subscriber unsubscribes (client cancelled)', async () => {
    const provider = new ScriptedProvider(async function* (signal) {
      for (let i = 0; !signal.aborted; i++) {
        yield { kind: 'text', text: `piece ${i} ` };
        await sleep(5);
      }
    });
    const first = await firstValueFrom(
      new GenerationService(provider)
        .generate(create(GenerateRequestSchema, { question: 'Tell me everything' }))
        .pipe(take(1)),
    );
    expect(first.event.case).toBe('delta');
    for (let i = 0; i < 50 && !provider.finished; i++) await sleep(5);
    expect(provider.signal?.aborted).toBe(true);
    expect(provider.finished).toBe(true);
  });

  it('rejects a bad request before streaming anything', () => {
    const service = new GenerationService(new LocalComposerProvider());
    expect(() => service.generate(create(GenerateRequestSchema, { question: '  ' }))).toThrow(
      'question: must not be empty',
    );
  });
});
