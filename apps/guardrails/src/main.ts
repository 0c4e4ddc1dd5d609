import { runMain } from '@mangaassist/config';
import { GuardrailsService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadGuardrailsConfig } from './app/guardrails.config';

async function bootstrap(): Promise<void> {
  const config = loadGuardrailsConfig();
  await startGrpcService({
    name: 'guardrails',
    module: AppModule.forConfig(config),
    services: [GuardrailsService],
    host: config.GUARDRAILS_HOST,
    port: config.GUARDRAILS_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

runMain(bootstrap);
