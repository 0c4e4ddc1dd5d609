import { EVENT_BUS, EVENT_PUBLISHER, type EventBus, createEventBus } from '@mangaassist/event-bus';
import { TELEMETRY, type Telemetry, setupTelemetry } from '@mangaassist/telemetry';
import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GuardrailsCommentRedactor } from '../feedback/adapters/guardrails.comment-redactor';
import { COMMENT_REDACTOR } from '../feedback/comment-redactor';
import {
  FEEDBACK_SUBMISSION_OPTIONS,
  FeedbackSubmissionService,
  type FeedbackSubmissionOptions,
} from '../feedback/feedback-submission.service';
import { FeedbackGrpcController } from '../feedback/feedback.grpc-controller';
import type { FeedbackConfig } from './feedback.config';

@Module({})
export class AppModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(TELEMETRY) private readonly telemetry: Telemetry,
  ) {}

  static forConfig(config: FeedbackConfig): DynamicModule {
    // Before Nest starts, so a bad OTEL_* variable stops the process with its name.
    const telemetry = setupTelemetry({ serviceName: 'feedback' });
    return {
      module: AppModule,
      controllers: [FeedbackGrpcController],
      providers: [
        FeedbackSubmissionService,
        { provide: TELEMETRY, useValue: telemetry },
        {
          provide: FEEDBACK_SUBMISSION_OPTIONS,
          useValue: {
            pseudonymKey: config.SESSION_PSEUDONYM_KEY,
          } satisfies FeedbackSubmissionOptions,
        },
        {
          provide: COMMENT_REDACTOR,
          useFactory: () =>
            new GuardrailsCommentRedactor({
              address: config.GUARDRAILS_ADDR,
              deadlineMs: config.GUARDRAILS_DEADLINE_MS,
            }),
        },
        {
          provide: EVENT_BUS,
          useFactory: () => {
            // Submit answers once its event is durable: the broker's ack, or else the outbox.
            const bus = createEventBus(config, { service: 'feedback', outbox: true });
            new Logger('EventBus').log(`feedback events go to ${bus.describe()}`);
            return bus;
          },
        },
        {
          provide: EVENT_PUBLISHER,
          useFactory: (bus: EventBus) => bus.publisher,
          inject: [EVENT_BUS],
        },
      ],
    };
  }

  // After the gRPC server stopped taking calls, so no Submit publishes into a closed bus.
  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
    await this.telemetry.shutdown();
  }
}
