import { type ChatTraceRecorded, type FeedbackSubmitted, Rating } from '@mangaassist/contracts';

const TRACE_ID = /^[0-9a-f]{32}$/;
const MAX_EVENT_ID_LENGTH = 128;

/** Why a decoded chat trace cannot be queued, or undefined when it can. */
export function traceProblem(trace: ChatTraceRecorded): string | undefined {
  return identityProblem(trace.eventId, trace.traceId);
}

/** Why a decoded feedback event cannot be queued, or undefined when it can. */
export function feedbackProblem(feedback: FeedbackSubmitted): string | undefined {
  const identity = identityProblem(feedback.eventId, feedback.traceId);
  if (identity) return identity;
  // A rating is what makes a queue item; without one the event says nothing to learn from.
  if (feedback.rating !== Rating.UP && feedback.rating !== Rating.DOWN) {
    return `rating ${feedback.rating} is neither RATING_UP nor RATING_DOWN`;
  }
  return undefined;
}

function identityProblem(eventId: string, traceId: string): string | undefined {
  if (eventId.trim() === '') return 'event_id is empty';
  if (eventId.length > MAX_EVENT_ID_LENGTH) {
    return `event_id is longer than ${MAX_EVENT_ID_LENGTH} characters`;
  }
  if (!TRACE_ID.test(traceId)) return 'trace_id is not 32 lowercase hex characters';
  if (/^0+$/.test(traceId)) return 'trace_id is all zeros';
  return undefined;
}
