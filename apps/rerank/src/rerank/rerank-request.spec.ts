import { create } from '@bufbuild/protobuf';
import { status } from '@grpc/grpc-js';
import { Format, Intent, type RerankRequest, RerankRequestSchema } from '@mangaassist/contracts';
import { RpcException } from '@nestjs/microservices';
import { DEFAULT_TOP_N, parseRerankRequest } from './rerank-request';
import { type HitFactory, storeHitFactory } from './testing/store-hits';

type Init = Parameters<typeof create<typeof RerankRequestSchema>>[1];
const request = (init: Init): RerankRequest => create(RerankRequestSchema, init);

function rejection(init: Init): { code: number; message: string } {
  try {
    parseRerankRequest(request(init));
  } catch (error) {
    expect(error).toBeInstanceOf(RpcException);
    return (error as RpcException).getError() as { code: number; message: string };
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('parseRerankRequest', () => {
  let hit: HitFactory;
  beforeAll(async () => {
    hit = await storeHitFactory();
  });

  it('numbers candidates by retrieval rank and fills defaults (ja + en)', () => {
    for (const query of ['ワンピースの最新刊', 'latest One Piece volume']) {
      const plan = parseRerankRequest(
        request({ query, candidates: [hit('MA-0001', 2), hit('MA-0028', 1)] }),
      );
      expect(plan.topN).toBe(DEFAULT_TOP_N);
      expect(plan.candidates.map((c) => [c.hit.id, c.retrievalRank])).toEqual([
        ['MA-0001', 1],
        ['MA-0028', 2],
      ]);
    }
  });

  it('carries intent and entities into the query', () => {
    const plan = parseRerankRequest(
      request({
        query: 'vol 3 kindle',
        intent: Intent.AVAILABILITY_PRICE,
        entities: { titleIds: ['MA-0009', 'MA-0009', 'MA-0010'], volume: 3, format: Format.KINDLE },
        topN: 2,
      }),
    );
    expect(plan.query).toEqual({
      text: 'vol 3 kindle',
      intent: Intent.AVAILABILITY_PRICE,
      titleIds: ['MA-0009', 'MA-0010'],
      volume: 3,
      format: Format.KINDLE,
    });
    expect(plan.topN).toBe(2);
  });

  it('accepts no candidates', () => {
    expect(parseRerankRequest(request({ query: '送料' })).candidates).toEqual([]);
  });

  it.each<[string, () => Init, RegExp]>([
    ['empty query', () => ({ query: '' }), /^query: must not be empty/],
    ['whitespace query', () => ({ query: '\u3000 \t' }), /^query: must not be empty/],
    [
      'query over 2,000 characters',
      () => ({ query: '本'.repeat(2001) }),
      /^query: must be at most 2000/,
    ],
    ['top_n over 50', () => ({ query: 'x', topN: 51 }), /^top_n: must be 0 to 50/],
    [
      'more than 200 candidates',
      () => ({ query: 'x', candidates: Array.from({ length: 201 }, () => hit('MA-0001', 1)) }),
      /^candidates: at most 200 candidates \(got 201\)/,
    ],
    [
      'a candidate without its document',
      () => ({ query: 'x', candidates: [hit('MA-0001', 1), { id: 'MA-0002', score: 1 }] }),
      /^candidates\[1\]\.document: must hold/,
    ],
    [
      'unknown intent',
      () => ({ query: 'x', intent: 42 as Intent }),
      /^intent: unknown enum value 42/,
    ],
    [
      'unknown entity format',
      () => ({ query: 'x', entities: { format: 5 as Format } }),
      /^entities\.format: unknown enum value 5/,
    ],
  ])('rejects %s with INVALID_ARGUMENT', (_name, init, message) => {
    const error = rejection(init());
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toMatch(message);
  });
});
