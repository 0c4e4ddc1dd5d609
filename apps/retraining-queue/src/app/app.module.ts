import {
  EVENT_CONSUMER,
  EVENT_PUBLISHER,
  type EventPublisher,
  SqliteEventLog,
} from '@mangaassist/event-bus';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
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
import type { RetrainingQueueConfig } from './retraining-queue.config';

const EVENT_LOG = Symbol('EVENT_LOG');

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(
    @Inject(QUEUE_STORE) private readonly store: QueueStore,
    @Inject(EVENT_PUBLISHER) private readonly eventLog: EventPublisher,
  ) {}

  static forConfig(config: RetrainingQueueConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [QueueGrpcController],
      providers: [
        QueueService,
        IngestionService,
        IngestionConsumerService,
        {
          provide: INGESTION_OPTIONS,
          useValue: { consumerGroup: config.RETRAINING_CONSUMER_GROUP } satisfies IngestionOptions,
        },
        { provide: QUEUE_STORE, useFactory: () => new SqliteQueueStore(config.RETRAINING_DB_PATH) },
        // The embedded log serves both ports: it is read for events and written for dead letters.
        { provide: EVENT_LOG, useFactory: () => new SqliteEventLog(config.EVENT_LOG_PATH) },
        { provide: EVENT_PUBLISHER, useExisting: EVENT_LOG },
        {
          provide: EVENT_CONSUMER,
          useFactory: (log: SqliteEventLog) => log.consumer(),
          inject: [EVENT_LOG],
        },
      ],
    };
  }

  // Shutdown hooks run after every onModuleDestroy, so the consumer has stopped by now and no
  // handler can write into a closed database.
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.eventLog.close();
  }
}
