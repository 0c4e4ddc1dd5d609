import { create } from '@bufbuild/protobuf';
import {
  DocumentSchema,
  GenerateRequestSchema,
  Intent,
  Locale,
  Role,
  Route,
} from '@mangaassist/contracts';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { type StoreFixtures, storeFixtures } from '../testing/store.fixtures';
import { HISTORY_TURNS_USED, toAnswerRequest } from './generate-request.validator';

/** The message of the INVALID_ARGUMENT error the call throws. */
function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RpcException);
    expect((error as RpcException).getError()).toMatchObject({ code: status.INVALID_ARGUMENT });
    return (error as RpcException).message;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('toAnswerRequest', () => {
  let store: StoreFixtures;
  beforeAll(async () => {
    store = await storeFixtures();
  });

  it('resolves the locale from the request, or from the question when unspecified', () => {
    const ja = toAnswerRequest(create(GenerateRequestSchema, { question: 'ワンピースは何巻？' }));
    expect(ja.locale).toBe('ja');
    const en = toAnswerRequest(create(GenerateRequestSchema, { question: 'How many volumes?' }));
    expect(en.locale).toBe('en');
    const forced = toAnswerRequest(
      create(GenerateRequestSchema, { question: 'How many volumes?', locale: Locale.JA }),
    );
    expect(forced.locale).toBe('ja');
  });

  it('treats an unspecified intent and route as product_question over rag', () => {
    const request = toAnswerRequest(create(GenerateRequestSchema, { question: '鬼滅の刃' }));
    expect(request.intent).toBe(Intent.PRODUCT_QUESTION);
    expect(request.route).toBe(Route.RAG);
    const explicit = toAnswerRequest(
      create(GenerateRequestSchema, {
        question: 'hi',
        intent: Intent.GREETING_CHITCHAT,
        route: Route.TEMPLATE,
      }),
    );
    expect(explicit.intent).toBe(Intent.GREETING_CHITCHAT);
    expect(explicit.route).toBe(Route.TEMPLATE);
  });

  it('keeps only the recent history', () => {
    const history = Array.from({ length: 20 }, (_, i) => ({
      role: Role.SHOPPER,
      text: `turn ${i}`,
    }));
    const request = toAnswerRequest(
      create(GenerateRequestSchema, { question: 'それは？', history }),
    );
    expect(request.history).toHaveLength(HISTORY_TURNS_USED);
    expect(request.history.at(-1)?.text).toBe('turn 19');
  });

  it('rejects an empty or blank question (ja and en whitespace)', () => {
    for (const question of ['', '   ', '\u3000\u3000', '\n\t', '\u200B\u0000']) {
      expect(rejection(() => toAnswerRequest(create(GenerateRequestSchema, { question })))).toMatch(
        /question: must not be empty/,
      );
    }
  });

  it('rejects a question over 2,000 characters but accepts exactly 2,000', () => {
    expect(
      rejection(() =>
        toAnswerRequest(create(GenerateRequestSchema, { question: 'あ'.repeat(2001) })),
      ),
    ).toMatch(/question: must be at most 2000 characters \(got 2001\)/);
    expect(() =>
      toAnswerRequest(create(GenerateRequestSchema, { question: '📚'.repeat(2000) })),
    ).not.toThrow();
  });

  it('rejects more than 20 evidence documents and empty documents', () => {
    const evidence = store.docs(...store.snapshot.items.slice(0, 21).map((i) => i.id));
    expect(
      rejection(() => toAnswerRequest(create(GenerateRequestSchema, { question: 'q', evidence }))),
    ).toMatch(/evidence: at most 20 documents \(got 21\)/);
    expect(() =>
      toAnswerRequest(
        create(GenerateRequestSchema, { question: 'q', evidence: evidence.slice(0, 20) }),
      ),
    ).not.toThrow();
    expect(
      rejection(() =>
        toAnswerRequest(
          create(GenerateRequestSchema, {
            question: 'q',
            evidence: [evidence[0], create(DocumentSchema)],
          }),
        ),
      ),
    ).toMatch(/evidence\[1\]: must be a catalog item or a policy/);
  });
});
