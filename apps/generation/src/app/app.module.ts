import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ANSWER_CACHE } from '../cache/answer-cache';
import { ANSWER_PROVIDERS } from '../generation/answer-provider';
import { GenerationGrpcController } from '../generation/generation.grpc-controller';
import { CACHE_TTL_MS, GenerationService } from '../generation/generation.service';
import { GenerationMetrics } from '../metrics/generation-metrics';
import { METRICS_LOG_INTERVAL_MS, MetricsLogReporter } from '../metrics/metrics-log.reporter';
import type { GenerationRuntime } from './generation-runtime';

const RUNTIME = Symbol('GENERATION_RUNTIME');

/** Closes the runtime's connections (model client, Redis) when the service shuts down. */
@Injectable()
class RuntimeLifecycle implements OnModuleDestroy {
  constructor(@Inject(RUNTIME) private readonly runtime: GenerationRuntime) {}

  async onModuleDestroy(): Promise<void> {
    await this.runtime.close();
  }
}

@Module({})
export class AppModule {
  /** The runtime (providers, cache) is built and validated from config before Nest starts. */
  static forRuntime(runtime: GenerationRuntime): DynamicModule {
    return {
      module: AppModule,
      controllers: [GenerationGrpcController],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        RuntimeLifecycle,
        { provide: ANSWER_PROVIDERS, useValue: runtime.providers },
        { provide: ANSWER_CACHE, useValue: runtime.cache },
        { provide: CACHE_TTL_MS, useValue: runtime.config.GENERATION_CACHE_TTL_MS },
        { provide: METRICS_LOG_INTERVAL_MS, useValue: runtime.config.GENERATION_METRICS_LOG_MS },
        GenerationMetrics,
        MetricsLogReporter,
        GenerationService,
      ],
    };
  }
}
