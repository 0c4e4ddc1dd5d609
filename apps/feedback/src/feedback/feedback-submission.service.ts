import { randomUUID } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { FeedbackSubmittedSchema, type SubmitRequest } from '@mangaassist/contracts';
import {
  DEVELOPMENT_PSEUDONYM_KEY,
  EVENT_PUBLISHER,
  EVENT_TYPES,
  type EventPublisher,
  TOPICS,
  encodeEvent,
  pseudonymizeSessionId,
} from '@mangaassist/event-bus';
import { unavailable } from '@mangaassist/grpc';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { COMMENT_REDACTOR, type CommentRedactor } from './comment-redactor';
import { validateSubmitRequest } from './submit-request.validator';

export interface FeedbackSubmissionOptions {
  /** Key of the session pseudonym; the gateway uses the same one, so traces and feedback join. */
  pseudonymKey: string;
  /** When a rating happened; tests pin it. */
  clock?: () => Date;
}

export const FEEDBACK_SUBMISSION_OPTIONS = Symbol('FEEDBACK_SUBMISSION_OPTIONS');

export interface SubmitContext {
  /** The caller's W3C traceparent, copied into the event headers. */
  traceparent?: string;
}

/**
 * Turns one rating into a durable FeedbackSubmitted event. Nothing is stored unless the
 * comment was redacted first, and the caller gets an event id only once the event is durable.
 */
@Injectable()
export class FeedbackSubmissionService {
  private readonly logger = new Logger(FeedbackSubmissionService.name);

  constructor(
    @Inject(COMMENT_REDACTOR) private readonly redactor: CommentRedactor,
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
    @Inject(FEEDBACK_SUBMISSION_OPTIONS) private readonly options: FeedbackSubmissionOptions,
  ) {
    if (options.pseudonymKey === DEVELOPMENT_PSEUDONYM_KEY) {
      this.logger.warn(
        'SESSION_PSEUDONYM_KEY is not set: using the development key, which must not be used in production',
      );
    }
  }

  async submit(request: SubmitRequest, context: SubmitContext = {}): Promise<string> {
    const valid = validateSubmitRequest(request);
    const comment = valid.comment === '' ? '' : await this.redact(valid.comment, context);
    const sessionId = pseudonymizeSessionId(this.options.pseudonymKey, valid.sessionId);
    const event = create(FeedbackSubmittedSchema, {
      eventId: randomUUID(),
      traceId: valid.traceId,
      sessionId,
      rating: valid.rating,
      reason: valid.reason,
      comment,
      occurredAt: timestampFromDate(this.options.clock?.() ?? new Date()),
    });
    const outgoing = encodeEvent(FeedbackSubmittedSchema, event, {
      topic: TOPICS.feedback,
      key: sessionId,
      eventType: EVENT_TYPES.feedbackSubmitted,
      traceparent: context.traceparent,
    });
    try {
      await this.publisher.publish([outgoing]);
    } catch (error) {
      this.logger.error(`publishing feedback for trace ${valid.traceId} failed: ${message(error)}`);
      throw unavailable('feedback could not be recorded, retry later');
    }
    return event.eventId;
  }

  private async redact(comment: string, context: SubmitContext): Promise<string> {
    try {
      return await this.redactor.redact(comment, { traceparent: context.traceparent });
    } catch (error) {
      // An unredacted comment must never reach the log, so without guardrails we store nothing.
      this.logger.warn(`comment redaction failed, feedback not stored: ${message(error)}`);
      throw unavailable('comment redaction is unavailable, retry later');
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
