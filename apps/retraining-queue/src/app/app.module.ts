import {
  EVENT_BUS,
  EVENT_CONSUMER,
  EVENT_PUBLISHER,
  type EventBus,
  createEventBus,
} from '@mangaassist/event-bus';
import { TELEMETRY, type Telemetry, setupTelemetry } from '@mangaassist/telemetry';
import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { IngestionConsumerService } from '../ingestion/ingestion-consumer.service';
import {
  INGESTION_OPTIONS,
  IngestionService,
  type IngestionOptions,
} from '../ingestion/ingestion.service';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import { QUEUE_STORE, type QueueStore } from '../queue/queue-store';
import { QueueGrpcController } from '../queue/queue.grpc-controller';
import { QueueService } from '../queue/queue.service';
import { archiveProviders } from '../export/archive.providers';
import type { RetrainingQueueConfig } from './retraining-queue.config';

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(
    @Inject(QUEUE_STORE) private readonly store: QueueStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(TELEMETRY) private readonly telemetry: Telemetry,
  ) {}

  static forConfig(config: RetrainingQueueConfig): DynamicModule {
    // Before Nest starts, so a bad OTEL_* variable stops the process with its name.
    const telemetry = setupTelemetry({ serviceName: 'retraining-queue' });
    return {
      module: AppModule,
      controllers: [QueueGrpcController],
      providers: [
        QueueService,
        IngestionService,
        IngestionConsumerService,
        { provide: TELEMETRY, useValue: telemetry },
        {
          provide: INGESTION_OPTIONS,
          useValue: { consumerGroup: config.RETRAINING_CONSUMER_GROUP } satisfies IngestionOptions,
        },
        { provide: QUEUE_STORE, useFactory: () => new SqliteQueueStore(config.RETRAINING_DB_PATH) },
        ...archiveProviders(config),
        {
          provide: EVENT_BUS,
          useFactory: () => {
            // No outbox: a dead letter the broker does not take fails the handler, and the
            // source event is retried rather than committed (it cannot be lost either way).
            const bus = createEventBus(config, { service: 'retraining-queue', outbox: false });
            new Logger('EventBus').log(`consuming from ${bus.describe()}`);
            return bus;
          },
        },
        {
          provide: EVENT_PUBLISHER,
          useFactory: (bus: EventBus) => bus.publisher,
          inject: [EVENT_BUS],
        },
        {
          provide: EVENT_CONSUMER,
          useFactory: (bus: EventBus) => bus.consumer(),
          inject: [EVENT_BUS],
        },
      ],
    };
  }

  // Shutdown hooks run after every onModuleDestroy, so the consumer has stopped by now and no
  // handler can write into a closed database.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.bus.close();
    await this.telemetry.shutdown();
  }
}
