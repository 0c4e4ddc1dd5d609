import { Health, HealthCheckResponse_ServingStatus as ServingStatus } from '@mangaassist/contracts';
import { createGrpcClient, type GrpcClientHandle } from '../grpc-client';

export type HealthClient = GrpcClientHandle<typeof Health>;

export function createHealthClient(address: string, deadlineMs = 1000): HealthClient {
  return createGrpcClient(Health, { address, defaultDeadlineMs: deadlineMs });
}

/** True when the server at the client's address reports SERVING for the whole server. */
export async function isServing(client: HealthClient, service = ''): Promise<boolean> {
  try {
    const reply = await client.rpc.check({ service });
    return reply.status === ServingStatus.SERVING;
  } catch {
    return false;
  }
}
