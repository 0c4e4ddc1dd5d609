import { status } from '@grpc/grpc-js';
import {
  Health,
  HealthCheckResponseSchema,
  HealthCheckResponse_ServingStatus as ServingStatus,
  type HealthCheckRequest,
} from '@mangaassist/contracts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, RpcException } from '@nestjs/microservices';
import { type Observable, map, of } from 'rxjs';
import type { GrpcServiceImplementation } from '../service-implementation';
import { HealthRegistry } from './health-registry';

type HealthReply = MessageInitShape<typeof HealthCheckResponseSchema>;

export const HEALTH_REGISTRY = Symbol('HEALTH_REGISTRY');

@Controller()
export class HealthGrpcController implements GrpcServiceImplementation<typeof Health> {
  constructor(@Inject(HEALTH_REGISTRY) private readonly registry: HealthRegistry) {}

  @GrpcMethod('Health', 'Check')
  check(request: HealthCheckRequest): HealthReply {
    const current = this.registry.get(request.service);
    if (current === undefined) {
      throw new RpcException({
        code: status.NOT_FOUND,
        message: `unknown service "${request.service}"`,
      });
    }
    return { status: current };
  }

  @GrpcMethod('Health', 'Watch')
  watch(request: HealthCheckRequest): Observable<HealthReply> {
    const changes = this.registry.watch(request.service);
    if (!changes) return of({ status: ServingStatus.SERVICE_UNKNOWN } satisfies HealthReply);
    return changes.pipe(map((s): HealthReply => ({ status: s })));
  }
}
