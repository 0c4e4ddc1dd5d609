import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { ChatTraceRecordedSchema, FeedbackSubmittedSchema } from '@mangaassist/contracts';
import {
  EVENT_PUBLISHER,
  type EventPublisher,
  type ReceivedEvent,
  TOPICS,
  UndecodableEventError,
  decodeEvent,
} from '@mangaassist/event-bus';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QUEUE_STORE, type QueueStore, type RecordOutcome } from '../queue/queue-store';
import { deadLetterFor } from './dead-letter.factory';
import { feedbackProblem, traceProblem } from './event.validator';

export interface IngestionOptions {
  /** The consumer group, named in dead letters so operators know who gave up. */
  consumerGroup: string;
  clock?: () => Date;
}

export const INGESTION_OPTIONS = Symbol('INGESTION_OPTIONS');

export type IngestOutcome = RecordOutcome | 'dead-lettered';

/**
 * Handles one event from the traces or feedback topic. A message that can never be stored
 * (not decodable, wrong type, invalid) goes to the dead-letter topic and counts as handled,
 * so it cannot block the partition; a store failure is thrown, so the bus retries it.
 */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger(IngestionService.name);

  constructor(
    @Inject(QUEUE_STORE) private readonly store: QueueStore,
    @Inject(EVENT_PUBLISHER) private readonly deadLetters: EventPublisher,
    @Inject(INGESTION_OPTIONS) private readonly options: IngestionOptions,
  ) {}

  async handle(event: ReceivedEvent): Promise<IngestOutcome> {
    switch (event.topic) {
      case TOPICS.chatTraces: {
        const trace = this.decode(ChatTraceRecordedSchema, event);
        const problem = trace.ok ? traceProblem(trace.message) : trace.reason;
        if (!trace.ok || problem) return this.deadLetter(event, problem ?? 'invalid');
        return this.logged(event, await this.store.recordTrace(trace.message));
      }
      case TOPICS.feedback: {
        const feedback = this.decode(FeedbackSubmittedSchema, event);
        const problem = feedback.ok ? feedbackProblem(feedback.message) : feedback.reason;
        if (!feedback.ok || problem) return this.deadLetter(event, problem ?? 'invalid');
        return this.logged(event, await this.store.recordFeedback(feedback.message));
      }
      default:
        return this.deadLetter(event, `unexpected topic ${event.topic}`);
    }
  }

  private decode<D extends DescMessage>(
    schema: D,
    event: ReceivedEvent,
  ): { ok: true; message: MessageShape<D> } | { ok: false; reason: string } {
    try {
      return { ok: true, message: decodeEvent(schema, event) };
    } catch (error) {
      // Anything else (a bug, not a bad message) propagates and is retried.
      if (error instanceof UndecodableEventError) return { ok: false, reason: error.message };
      throw error;
    }
  }

  private async deadLetter(event: ReceivedEvent, reason: string): Promise<IngestOutcome> {
    const now = this.options.clock?.() ?? new Date();
    await this.deadLetters.publish([deadLetterFor(event, reason, this.options.consumerGroup, now)]);
    this.logger.warn(`dead-lettered ${event.topic}@${event.offset}: ${reason}`);
    return 'dead-lettered';
  }

  private logged(event: ReceivedEvent, outcome: RecordOutcome): RecordOutcome {
    if (outcome === 'duplicate') {
      this.logger.log(`skipped duplicate ${event.topic}@${event.offset} (already stored)`);
    }
    return outcome;
  }
}
