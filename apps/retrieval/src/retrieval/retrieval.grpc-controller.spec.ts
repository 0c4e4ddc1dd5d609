import { status } from '@grpc/grpc-js';
import {
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
  Intent,
  Locale,
  RetrievalService,
} from '@mangaassist/contracts';
import { type GrpcClientHandle, createGrpcClient, startGrpcService } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { INestMicroservice } from '@nestjs/common';
import { AppModule } from '../app/app.module';
import { loadRetrievalConfig } from '../app/retrieval.config';

describe('RetrievalService over gRPC', () => {
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof RetrievalService>;
  let address: string;

  beforeAll(async () => {
    const port = await freePort();
    const config = loadRetrievalConfig({ RETRIEVAL_PORT: String(port), LOG_FORMAT: 'json' });
    address = `${config.RETRIEVAL_HOST}:${port}`;
    app = await startGrpcService({
      name: 'retrieval',
      module: AppModule.forConfig(config),
      services: [RetrievalService],
      host: config.RETRIEVAL_HOST,
      port,
      logFormat: config.LOG_FORMAT,
    });
    client = createGrpcClient(RetrievalService, { address, defaultDeadlineMs: 5000 });
  });

  afterAll(async () => {
    client.close();
    await app.close();
  });

  it('reports SERVING once the index is loaded', async () => {
    const health = createGrpcClient(Health, { address, defaultDeadlineMs: 2000 });
    const reply = await health.rpc.check({ service: 'mangaassist.retrieval.v1.RetrievalService' });
    expect(reply.status).toBe(ServingStatus.SERVING);
    health.close();
  });

  it('answers a Japanese question with the series first, documents and field scores included', async () => {
    const reply = await client.rpc.search({
      query: 'ワンピースの最新刊はいつ？',
      locale: Locale.JA,
      intent: Intent.RELEASE_PREORDER,
      topK: 5,
    });
    expect(reply.$typeName).toBe('mangaassist.retrieval.v1.SearchResponse');
    expect(reply.hits.length).toBeGreaterThan(0);
    expect(reply.hits.length).toBeLessThanOrEqual(5);
    const [top] = reply.hits;
    expect(top.id).toBe('MA-0001');
    expect(top.document?.content.case).toBe('item');
    expect(top.fieldScores.title ?? top.fieldScores.alias).toBeGreaterThan(0);
    expect(reply.indexVersion).toMatch(/^inverted-/);
    const scores = reply.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('answers an English policy question with the policy first', async () => {
    const reply = await client.rpc.search({
      query: 'What is your return policy?',
      locale: Locale.EN,
      intent: Intent.RETURN_REFUND,
    });
    expect(reply.hits.length).toBeGreaterThan(0);
    const top = reply.hits[0].document?.content;
    expect(top?.case).toBe('policy');
    expect(top?.case === 'policy' ? top.value.topic : '').toBe('returns');
  });

  it('returns no hits, with the reason, for a query without searchable terms', async () => {
    for (const query of ['？！…🎉', '!!!', '。。。', '・・・']) {
      const reply = await client.rpc.search({ query });
      expect(reply.hits).toEqual([]);
      expect(reply.emptyReason).toMatch(/no searchable words/);
    }
    const found = await client.rpc.search({ query: 'ワンピ' });
    expect(found.emptyReason).toBe('');
  });

  it.each([
    ['empty query', { query: '' }, /query: must not be empty/],
    ['whitespace query', { query: '\u3000 \n' }, /query: must not be empty/],
    ['query over 2,000 characters', { query: 'a'.repeat(2001) }, /query: must be at most 2000/],
    [
      '10,000-character query',
      { query: '漫'.repeat(10_000) },
      /query: must be at most 2000 characters \(got 10000\)/,
    ],
    ['top_k over 100', { query: 'one piece', topK: 101 }, /top_k/],
    [
      'unknown demographic',
      { query: 'x', filters: { demographics: ['manhwa'] } },
      /filters\.demographics: unknown value "manhwa"; allowed: shonen/,
    ],
    [
      'unknown status',
      { query: 'x', filters: { statuses: ['paused'] } },
      /filters\.statuses: .*"paused".*ongoing, completed, hiatus/,
    ],
    [
      'unknown age rating',
      { query: 'x', filters: { maxAgeRating: '21+' } },
      /filters\.max_age_rating: .*all, 13\+, 16\+, 18\+/,
    ],
    [
      'unknown policy topic',
      { query: 'x', filters: { policyTopics: ['weather'] } },
      /filters\.policy_topics: .*"weather"/,
    ],
  ])('rejects %s with INVALID_ARGUMENT', async (_name, request, message) => {
    await expect(client.rpc.search(request)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringMatching(message),
    });
  });
});
