import { status } from '@grpc/grpc-js';
import {
  Format,
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
  Intent,
  Locale,
  RerankService,
} from '@mangaassist/contracts';
import { type GrpcClientHandle, createGrpcClient, startGrpcService } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { INestMicroservice } from '@nestjs/common';
import { AppModule } from '../app/app.module';
import { loadRerankConfig } from '../app/rerank.config';
import { type HitFactory, storeHitFactory } from './testing/store-hits';

describe('RerankService over gRPC', () => {
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof RerankService>;
  let address: string;
  let hit: HitFactory;

  beforeAll(async () => {
    hit = await storeHitFactory();
    const port = await freePort();
    const config = loadRerankConfig({ RERANK_PORT: String(port), LOG_FORMAT: 'json' });
    address = `${config.RERANK_HOST}:${port}`;
    app = await startGrpcService({
      name: 'rerank',
      module: AppModule.forConfig(config),
      services: [RerankService],
      host: config.RERANK_HOST,
      port,
      logFormat: config.LOG_FORMAT,
    });
    client = createGrpcClient(RerankService, { address, defaultDeadlineMs: 5000 });
  });

  afterAll(async () => {
    client.close();
    await app.close();
  });

  it('reports SERVING once the weights are loaded', async () => {
    const health = createGrpcClient(Health, { address, defaultDeadlineMs: 2000 });
    const reply = await health.rpc.check({ service: 'mangaassist.rerank.v1.RerankService' });
    expect(reply.status).toBe(ServingStatus.SERVING);
    health.close();
  });

  it('reranks a Japanese volume question: the series that has the volume first', async () => {
    const reply = await client.rpc.rerank({
      query: '呪術廻戦の25巻はありますか？',
      locale: Locale.JA,
      intent: Intent.AVAILABILITY_PRICE,
      entities: { titleIds: ['MA-0009'], volume: 25 },
      candidates: [
        hit('MA-0010', 9, { title: 4 }),
        hit('MA-0011', 8.5),
        hit('MA-0009', 8, { title: 3 }),
      ],
      topN: 2,
    });
    expect(reply.$typeName).toBe('mangaassist.rerank.v1.RerankResponse');
    expect(reply.modelVersion).toBe('feature-linear-v2.0.0');
    expect(reply.results).toHaveLength(2);
    expect(reply.results[0].hit?.id).toBe('MA-0009');
    expect(reply.results[0].retrievalRank).toBe(3);
    expect(reply.results[0].hit?.document?.content.case).toBe('item');
    expect(reply.results[0].hit?.fieldScores.title).toBe(3);
    expect(reply.results[0].score).toBeGreaterThanOrEqual(reply.results[1].score);
  });

  it('reranks an English shipping question: the policy first', async () => {
    const reply = await client.rpc.rerank({
      query: 'How long does delivery to Okinawa take?',
      locale: Locale.EN,
      intent: Intent.SHIPPING_DELIVERY,
      candidates: [hit('MA-0001', 4), hit('POL-003', 3.5), hit('POL-008', 1)],
    });
    expect(reply.results.map((r) => r.hit?.id)).toEqual(['POL-003', 'POL-008', 'MA-0001']);
    expect(reply.results.map((r) => r.retrievalRank)).toEqual([2, 3, 1]);
  });

  it('returns no results for no candidates', async () => {
    const reply = await client.rpc.rerank({
      query: 'Kindle版',
      entities: { format: Format.KINDLE },
    });
    expect(reply.results).toEqual([]);
    expect(reply.modelVersion).toBe('feature-linear-v2.0.0');
  });

  it.each([
    [
      'empty query',
      () => ({ query: '', candidates: [hit('MA-0001', 1)] }),
      /query: must not be empty/,
    ],
    [
      'query over 2,000 characters',
      () => ({ query: 'x'.repeat(2001) }),
      /query: must be at most 2000/,
    ],
    ['top_n over 50', () => ({ query: 'x', topN: 51 }), /top_n: must be 0 to 50/],
    [
      'more than 200 candidates',
      () => ({ query: 'x', candidates: Array.from({ length: 201 }, () => hit('POL-001', 1)) }),
      /candidates: at most 200/,
    ],
    [
      'a candidate without a document',
      () => ({ query: 'x', candidates: [{ id: 'MA-0001' }] }),
      /candidates\[0\]\.document/,
    ],
  ])('rejects %s with INVALID_ARGUMENT', async (_name, request, message) => {
    await expect(client.rpc.rerank(request())).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringMatching(message),
    });
  });
});
