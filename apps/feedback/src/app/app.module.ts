import { EVENT_PUBLISHER, type EventPublisher, SqliteEventLog } from '@mangaassist/event-bus';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
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
  constructor(@Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher) {}

  static forConfig(config: FeedbackConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [FeedbackGrpcController],
      providers: [
        FeedbackSubmissionService,
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
        // The embedded log; a Kafka adapter of the same port slots in here.
        { provide: EVENT_PUBLISHER, useFactory: () => new SqliteEventLog(config.EVENT_LOG_PATH) },
      ],
    };
  }

  // After the gRPC server stopped taking calls, so no Submit publishes into a closed log.
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
  }
}
