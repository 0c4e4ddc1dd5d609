import { type DynamicModule, Module } from '@nestjs/common';
import { HealthRegistry } from './health-registry';
import { HEALTH_REGISTRY, HealthGrpcController } from './health.grpc-controller';

/** Serves grpc.health.v1.Health for the named services; inject HEALTH_REGISTRY to flip status. */
@Module({})
export class GrpcHealthModule {
  static forServices(serviceNames: readonly string[]): DynamicModule {
    return {
      module: GrpcHealthModule,
      global: true,
      controllers: [HealthGrpcController],
      providers: [{ provide: HEALTH_REGISTRY, useValue: new HealthRegistry(serviceNames) }],
      exports: [HEALTH_REGISTRY],
    };
  }
}
