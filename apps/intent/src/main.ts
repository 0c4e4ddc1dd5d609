import 'reflect-metadata';
import { runMain } from '@mangaassist/config';
import { IntentService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadIntentConfig } from './app/intent.config';

async function main(): Promise<void> {
  const config = loadIntentConfig();
  await startGrpcService({
    name: 'intent',
    module: AppModule.forConfig(config),
    services: [IntentService],
    host: config.INTENT_HOST,
    port: config.INTENT_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

runMain(main);
