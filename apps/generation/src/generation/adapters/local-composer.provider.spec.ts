import { Intent, Route } from '@mangaassist/contracts';
import { type StoreFixtures, storeFixtures } from '../../testing/store.fixtures';
import type { AnswerEvent, AnswerRequest } from '../answer-provider';
import { LocalComposerProvider } from './local-composer.provider';

describe('LocalComposerProvider', () => {
  let store: StoreFixtures;
  const provider = new LocalComposerProvider();
  beforeAll(async () => {
    store = await storeFixtures();
  });

  function request(question: string, locale: 'ja' | 'en', ids: string[]): AnswerRequest {
    return {
      question,
      locale,
      intent: Intent.RELEASE_PREORDER,
      route: Route.API,
      entities: undefined,
      evidence: store.docs(...ids),
      history: [],
      signedIn: false,
      traceId: 'trace',
    };
  }

  async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
    const seen: AnswerEvent[] = [];
    for await (const event of events) seen.push(event);
    return seen;
  }

  it.each([
    ['ja', 'ONE PIECEの次の巻と値段と全巻セットを教えて', '2026年12月4日'],
    ['en', 'When is the next One Piece out, how much is it, and is there a box set?', '2026-12-04'],
  ] as const)(
    'streams a %s answer in pieces, then one done event',
    async (locale, question, date) => {
      const events = await collect(
        provider.generate(request(question, locale, ['MA-0001']), new AbortController().signal),
      );
      const texts = events.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
      expect(texts.length).toBeGreaterThan(1);
      expect(texts.join('')).toContain(date);
      expect(events.filter((e) => e.kind === 'done')).toHaveLength(1);
      expect(events.at(-1)).toEqual({
        kind: 'done',
        metadata: {
          citations: [{ id: 'MA-0001', title: locale === 'ja' ? 'ONE PIECE' : 'One Piece' }],
          finishReason: 'complete',
          modelId: 'local-composer',
          promptVersion: 'local-composer/v1',
          inputTokens: 0,
          outputTokens: 0,
          estimatedCostUsd: 0,
          attempts: [],
        },
      });
    },
  );

  it('stops streaming once the signal aborts', async () => {
    const abort = new AbortController();
    const seen: AnswerEvent[] = [];
    const question = 'ONE PIECEの作者、値段、在庫、次の巻、全巻セット、あらすじを教えて';
    for await (const event of provider.generate(
      request(question, 'ja', ['MA-0001']),
      abort.signal,
    )) {
      seen.push(event);
      abort.abort();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0].kind).toBe('text');
  });

  it('produces nothing for an already aborted signal', async () => {
    const abort = new AbortController();
    abort.abort();
    expect(
      await collect(provider.generate(request('How much?', 'en', ['MA-0001']), abort.signal)),
    ).toEqual([]);
  });
});
