import 'reflect-metadata';
import { runMain } from '@mangaassist/config';
import { RetrainingQueueService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadRetrainingQueueConfig } from './app/retraining-queue.config';

async function bootstrap(): Promise<void> {
  const config = loadRetrainingQueueConfig();
  await startGrpcService({
    name: 'retraining-queue',
    module: AppModule.forConfig(config),
    services: [RetrainingQueueService],
    host: config.RETRAINING_QUEUE_HOST,
    port: config.RETRAINING_QUEUE_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

runMain(bootstrap);
