import { runMain } from '@mangaassist/config';
import { RerankService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadRerankConfig } from './app/rerank.config';

async function bootstrap(): Promise<void> {
  const config = loadRerankConfig();
  await startGrpcService({
    name: 'rerank',
    module: AppModule.forConfig(config),
    services: [RerankService],
    host: config.RERANK_HOST,
    port: config.RERANK_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

runMain(bootstrap);
