import 'reflect-metadata';
import { runMain } from '@mangaassist/config';
import { FeedbackService } from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { AppModule } from './app/app.module';
import { loadFeedbackConfig } from './app/feedback.config';

async function bootstrap(): Promise<void> {
  const config = loadFeedbackConfig();
  await startGrpcService({
    name: 'feedback',
    module: AppModule.forConfig(config),
    services: [FeedbackService],
    host: config.FEEDBACK_HOST,
    port: config.FEEDBACK_PORT,
    logFormat: config.LOG_FORMAT,
  });
}

runMain(bootstrap);
