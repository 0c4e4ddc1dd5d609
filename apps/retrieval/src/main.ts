import { runMain } from '@mangaassist/config';
import { RetrievalService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadRetrievalConfig } from './app/retrieval.config';

async function bootstrap(): Promise<void> {
  const config = loadRetrievalConfig();
  await startGrpcService({
    name: 'retrieval',
    module: AppModule.forConfig(config),
    services: [RetrievalService],
    host: config.RETRIEVAL_HOST,
    port: config.RETRIEVAL_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

runMain(bootstrap);
