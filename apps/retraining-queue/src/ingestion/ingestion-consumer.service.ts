import { EVENT_CONSUMER, type EventConsumer, TOPICS } from '@mangaassist/event-bus';
import { trace } from '@opentelemetry/api';
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
      // Offset reset policy "earliest" (Kafka's auto.offset.reset): a group without a committed
      // position starts at the oldest retained event. It applies to a new group, and on Kafka
      // also to one whose committed offsets expired after a long stop (offsets.retention.minutes).
      // "latest" would silently skip every rating produced meanwhile; replaying is harmless
      // because the store dedupes by event id.
      fromBeginning: true,
      handle: async (event) => {
        const outcome = await this.ingestion.handle(event);
        // On the `<topic> process` span the bus opened for this event (a no-op without tracing).
        trace.getActiveSpan()?.setAttribute('mangaassist.retraining.outcome', outcome);
      },
    });
    this.logger.log(`consuming ${topics.join(', ')} as group ${this.options.consumerGroup}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}
