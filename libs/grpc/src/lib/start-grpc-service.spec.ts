import { Health, HealthCheckResponse_ServingStatus as ServingStatus } from '@mangaassist/contracts';
import { freePort } from '@mangaassist/testing';
import { status } from '@grpc/grpc-js';
import { Module, type INestMicroservice } from '@nestjs/common';
import { createGrpcClient, isGrpcError } from './grpc-client';
import { HEALTH_REGISTRY } from './health/health.grpc-controller';
import type { HealthRegistry } from './health/health-registry';
import { startGrpcService } from './start-grpc-service';

@Module({})
class EmptyModule {}

describe('startGrpcService with the protobuf-es bridge', () => {
  let app: INestMicroservice;
  let address: string;

  beforeAll(async () => {
    const port = await freePort();
    address = `127.0.0.1:${port}`;
    // Health is served for the process itself; the module serves nothing else.
    app = await startGrpcService({
      name: 'spec',
      module: EmptyModule,
      services: [],
      host: '127.0.0.1',
      port,
      logFormat: 'json',
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers grpc.health.v1.Health/Check with real protobuf-es messages', async () => {
    const client = createGrpcClient(Health, { address, defaultDeadlineMs: 2000 });
    const reply = await client.rpc.check({ service: '' });
    expect(reply.$typeName).toBe('grpc.health.v1.HealthCheckResponse');
    expect(reply.status).toBe(ServingStatus.SERVING);
    client.close();
  });

  it('maps an unknown service to NOT_FOUND', async () => {
    const client = createGrpcClient(Health, { address, defaultDeadlineMs: 2000 });
    await expect(client.rpc.check({ service: 'no.such.Service' })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    client.close();
  });

  it('streams status changes over the server-streaming Watch rpc', async () => {
    const client = createGrpcClient(Health, { address, defaultDeadlineMs: 5000 });
    const registry = app.get<HealthRegistry>(HEALTH_REGISTRY);
    const seen: ServingStatus[] = [];
    for await (const reply of client.rpc.watch({ service: '' })) {
      seen.push(reply.status);
      if (seen.length === 1) registry.setAll(ServingStatus.NOT_SERVING);
      if (seen.length === 2) break;
    }
    registry.setAll(ServingStatus.SERVING);
    expect(seen).toEqual([ServingStatus.SERVING, ServingStatus.NOT_SERVING]);
    client.close();
  });

  it('fails a call past its deadline with DEADLINE_EXCEEDED instead of hanging', async () => {
    const client = createGrpcClient(Health, { address: '127.0.0.1:1', defaultDeadlineMs: 200 });
    const started = Date.now();
    const error = await client.rpc.check({ service: '' }).catch((e: unknown) => e);
    expect(isGrpcError(error, status.DEADLINE_EXCEEDED, status.UNAVAILABLE)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    client.close();
  });
});
