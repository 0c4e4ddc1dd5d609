import { ConfigError } from '@mangaassist/config';
import { GenerationService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadGenerationConfig } from './app/generation.config';

async function bootstrap(): Promise<void> {
  const config = loadGenerationConfig();
  await startGrpcService({
    name: 'generation',
    module: AppModule.forConfig(config),
    services: [GenerationService],
    host: config.GENERATION_HOST,
    port: config.GENERATION_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
