import type { DescService } from '@bufbuild/protobuf';
import { Health } from '@mangaassist/contracts';
import {
  ConsoleLogger,
  type DynamicModule,
  type INestMicroservice,
  Logger,
  Module,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type GrpcOptions, Transport } from '@nestjs/microservices';
import { HEALTH_REGISTRY } from './health/health.grpc-controller';
import { GrpcHealthModule } from './health/health.module';
import { type HealthRegistry, ServingStatus } from './health/health-registry';
import { grpcPackageDefinition, packageOf } from './service-definition';

export interface StartGrpcServiceOptions {
  /** Short name for logs: intent, retrieval, ... */
  name: string;
  /** The service's root module (domain providers and its gRPC controller). */
  module: Type | DynamicModule;
  /** The generated services the module's controllers implement. */
  services: readonly DescService[];
  host: string;
  port: number;
  logFormat: 'pretty' | 'json';
}

export function createLogger(name: string, format: 'pretty' | 'json'): ConsoleLogger {
  return new ConsoleLogger({
    prefix: `mangaassist-${name}`,
    json: format === 'json',
    colors: format === 'pretty' && process.stdout.isTTY,
  });
}

/**
 * Starts a NestJS gRPC microservice for the given generated services plus grpc.health.v1.
 * Module init (index loads, model loads) completes before the port opens, and the health
 * status turns SERVING only after that, so probes never see a cold service as ready.
 */
export async function startGrpcService(
  options: StartGrpcServiceOptions,
): Promise<INestMicroservice> {
  const served = [...options.services, Health];
  @Module({
    imports: [
      options.module,
      GrpcHealthModule.forServices(options.services.map((s) => s.typeName)),
    ],
  })
  class GrpcServiceRootModule {}

  const logger = createLogger(options.name, options.logFormat);
  const grpcOptions: GrpcOptions = {
    transport: Transport.GRPC,
    options: {
      package: [...new Set(served.map(packageOf))],
      packageDefinition: grpcPackageDefinition(served),
      url: `${options.host}:${options.port}`,
      maxReceiveMessageLength: 4 * 1024 * 1024,
      maxSendMessageLength: 16 * 1024 * 1024,
    },
  };
  const app = await NestFactory.createMicroservice(GrpcServiceRootModule, {
    ...grpcOptions,
    logger,
    bufferLogs: false,
  });
  app.enableShutdownHooks();
  await app.listen();
  app.get<HealthRegistry>(HEALTH_REGISTRY).setAll(ServingStatus.SERVING);
  new Logger('Bootstrap').log(`${options.name} serving gRPC on ${options.host}:${options.port}`);
  return app;
}
