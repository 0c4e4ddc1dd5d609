import { EVENT_CONSUMER, type EventConsumer, TOPICS } from '@mangaassist/event-bus';
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { INGESTION_OPTIONS, type IngestionOptions, IngestionService } from './ingestion.service';

/** Runs the consumer for the life of the process: started before SERVING, stopped first. */
@Injectable()
export class IngestionConsumerService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(IngestionConsumerService.name);

  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventConsumer,
    private readonly ingestion: IngestionService,
    @Inject(INGESTION_OPTIONS) private readonly options: IngestionOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const topics = [TOPICS.chatTraces, TOPICS.feedback];
    await this.consumer.start({
      groupId: this.options.consumerGroup,
      topics,
      // A new group must not skip events published before its first start (the gateway and
      // feedback may run long before us); replaying is harmless because the store dedupes.
      fromBeginning: true,
      handle: async (event) => {
        await this.ingestion.handle(event);
      },
    });
    this.logger.log(`consuming ${topics.join(', ')} as group ${this.options.consumerGroup}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}
