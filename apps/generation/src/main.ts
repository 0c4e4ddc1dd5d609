import { runMain } from '@mangaassist/config';
import { GenerationService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadGenerationConfig } from './app/generation.config';
import { createGenerationRuntime } from './app/generation-runtime';

async function bootstrap(): Promise<void> {
  const config = loadGenerationConfig();
  const runtime = await createGenerationRuntime(config);
  await startGrpcService({
    name: 'generation',
    module: AppModule.forRuntime(runtime),
    services: [GenerationService],
    host: config.GENERATION_HOST,
    port: config.GENERATION_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

runMain(bootstrap);
