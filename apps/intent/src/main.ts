import 'reflect-metadata';
import { ConfigError } from '@mangaassist/config';
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

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exit(1);
});
