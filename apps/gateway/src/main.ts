import 'reflect-metadata';
import { runMain } from '@mangaassist/config';
import { createLogger } from '@mangaassist/grpc';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app/app.module';
import { loadGatewayConfig } from './app/gateway.config';
import { installBodyParsing } from './http/body-parsing';
import { HttpExceptionFilter } from './http/http-exception.filter';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: createLogger('gateway', config.LOG_FORMAT),
    bodyParser: false,
  });
  installBodyParsing(app);
  // Global (not APP_FILTER) so that unmatched routes get the same error shape too.
  app.useGlobalFilters(new HttpExceptionFilter());
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
  new Logger('Bootstrap').log(
    `gateway listening on http://${config.GATEWAY_HOST}:${config.GATEWAY_PORT}`,
  );
}

runMain(main);
