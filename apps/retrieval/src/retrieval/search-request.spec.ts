import { create } from '@bufbuild/protobuf';
import { status } from '@grpc/grpc-js';
import {
  DocumentKind,
  Format,
  Intent,
  SearchRequestSchema,
  type SearchRequest,
} from '@mangaassist/contracts';
import { RpcException } from '@nestjs/microservices';
import { DEFAULT_TOP_K, parseSearchRequest } from './search-request';

type Init = Parameters<typeof create<typeof SearchRequestSchema>>[1];
const request = (init: Init): SearchRequest => create(SearchRequestSchema, init);

function rejection(init: Init): { code: number; message: string } {
  try {
    parseSearchRequest(request(init));
  } catch (error) {
    expect(error).toBeInstanceOf(RpcException);
    return (error as RpcException).getError() as { code: number; message: string };
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('parseSearchRequest', () => {
  it('fills defaults for a plain query (ja + en)', () => {
    for (const query of ['ワンピースの最新刊', 'latest One Piece volume']) {
      const plan = parseSearchRequest(request({ query }));
      expect(plan.topK).toBe(DEFAULT_TOP_K);
      expect(plan.filter).toEqual({ inStockOnly: false });
      expect(plan.kindWeights).toEqual({ item: 1, policy: 1 });
      expect(plan.titleIds).toEqual([]);
    }
  });

  it('prefers policies for template intents and items for product intents', () => {
    const policy = parseSearchRequest(request({ query: '送料', intent: Intent.SHIPPING_DELIVERY }));
    expect(policy.preferredKind).toBe('policy');
    expect(policy.kindWeights.policy).toBeGreaterThan(policy.kindWeights.item);
    const item = parseSearchRequest(request({ query: 'one piece', intent: Intent.PRODUCT_SEARCH }));
    expect(item.preferredKind).toBe('item');
    expect(item.kindWeights.item).toBeGreaterThan(item.kindWeights.policy);
  });

  it('parses every filter, case-insensitively', () => {
    const plan = parseSearchRequest(
      request({
        query: 'x',
        topK: 7,
        entities: { titleIds: ['MA-0001', 'MA-0002', 'MA-0001'] },
        filters: {
          kind: DocumentKind.ITEM,
          demographics: ['Seinen', 'shonen'],
          statuses: ['ongoing'],
          format: Format.KINDLE,
          inStockOnly: true,
          maxAgeRating: '13+',
          maxPriceJpy: 600,
          policyTopics: ['shipping'],
          ids: ['MA-0001', 'POL-001'],
        },
      }),
    );
    expect(plan.topK).toBe(7);
    expect(plan.titleIds).toEqual(['MA-0001', 'MA-0002']);
    expect(plan.filter).toEqual({
      kind: 'item',
      demographics: new Set(['seinen', 'shonen']),
      statuses: new Set(['ongoing']),
      format: 'kindle',
      inStockOnly: true,
      maxAgeRank: 1,
      maxPriceJpy: 600,
      policyTopics: new Set(['shipping']),
      ids: new Set(['MA-0001', 'POL-001']),
    });
  });

  it.each<[string, Init, RegExp]>([
    ['empty query', { query: '' }, /^query: must not be empty/],
    ['whitespace query (ja space)', { query: ' \u3000\n' }, /^query: must not be empty/],
    ['query over 2,000 characters', { query: 'あ'.repeat(2001) }, /^query: must be at most 2000/],
    ['top_k over 100', { query: 'x', topK: 101 }, /^top_k: must be 0 to 100/],
    [
      'unknown demographic',
      { query: 'x', filters: { demographics: ['manhwa'] } },
      /^filters\.demographics: unknown value "manhwa"; allowed: shonen, seinen, shojo, josei, kodomo/,
    ],
    [
      'unknown status',
      { query: 'x', filters: { statuses: ['paused'] } },
      /^filters\.statuses: unknown value "paused"; allowed: ongoing, completed, hiatus/,
    ],
    [
      'unknown age rating',
      { query: 'x', filters: { maxAgeRating: '21+' } },
      /^filters\.max_age_rating: unknown value "21\+"; allowed: all, 13\+, 16\+, 18\+/,
    ],
    [
      'unknown policy topic',
      { query: 'x', filters: { policyTopics: ['weather'] } },
      /^filters\.policy_topics: unknown value "weather"; allowed: shipping, returns/,
    ],
    [
      'malformed filter id',
      { query: 'x', filters: { ids: ['one piece'] } },
      /^filters\.ids: "one piece"/,
    ],
    [
      'too many filter ids',
      { query: 'x', filters: { ids: Array.from({ length: 201 }, (_, i) => `MA-${1000 + i}`) } },
      /^filters\.ids: at most 200/,
    ],
    [
      'unknown kind',
      { query: 'x', filters: { kind: 9 as DocumentKind } },
      /^filters\.kind: unknown enum value 9/,
    ],
    [
      'unknown format',
      { query: 'x', filters: { format: 7 as Format } },
      /^filters\.format: unknown enum value 7/,
    ],
    ['unknown intent', { query: 'x', intent: 99 as Intent }, /^intent: unknown enum value 99/],
    [
      'policy id as an entity title',
      { query: 'x', entities: { titleIds: ['POL-001'] } },
      /^entities\.title_ids: "POL-001" is not a catalog id/,
    ],
  ])('rejects %s with INVALID_ARGUMENT', (_name, init, message) => {
    const error = rejection(init);
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toMatch(message);
  });

  it('cuts a huge bad value short in the message', () => {
    const error = rejection({ query: 'x', filters: { statuses: ['p'.repeat(5000)] } });
    expect(error.message.length).toBeLessThan(200);
  });
});
