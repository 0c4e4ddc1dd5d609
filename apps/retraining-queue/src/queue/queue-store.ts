import type { ChatTraceRecorded, FeedbackSubmitted, QueueItem } from '@mangaassist/contracts';

/** Whether an event changed the store or had been stored before (a redelivery). */
export type RecordOutcome = 'stored' | 'duplicate';

/** A position in the listing order: after this (updated_at, trace_id). */
export interface ItemCursor {
  updatedAtMs: number;
  traceId: string;
}

export interface ItemQuery {
  /** Only the item of this trace. */
  traceId?: string;
  /** Only items with updated_at at or after this time. */
  sinceMs?: number;
  /** Only items with at least one thumbs-down. */
  onlyNegative: boolean;
  /** Only items after this position. */
  after?: ItemCursor;
  limit: number;
}

/**
 * Where the retraining queue lives. Each record call stores its event and marks its event id
 * processed atomically, so an event redelivered after a crash is recognised, never doubled.
 * Items come back ordered by (updated_at, trace_id), oldest first.
 */
export interface QueueStore {
  recordTrace(trace: ChatTraceRecorded): Promise<RecordOutcome>;
  recordFeedback(feedback: FeedbackSubmitted): Promise<RecordOutcome>;
  listItems(query: ItemQuery): Promise<QueueItem[]>;
  close(): Promise<void>;
}

export const QUEUE_STORE = Symbol('QUEUE_STORE');
