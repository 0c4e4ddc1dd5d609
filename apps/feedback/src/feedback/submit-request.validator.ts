import {
  FeedbackReason,
  FeedbackReasonSchema,
  Rating,
  type SubmitRequest,
} from '@mangaassist/contracts';
import { invalidArgument } from '@mangaassist/grpc';

export const MAX_COMMENT_CHARACTERS = 1000;
export const MAX_SESSION_ID_LENGTH = 128;

const TRACE_ID = /^[0-9a-f]{32}$/;
const SESSION_ID = /^[A-Za-z0-9._:-]+$/;

/** A request that passed validation, with the comment trimmed. */
export interface ValidSubmission {
  traceId: string;
  sessionId: string;
  rating: Rating.UP | Rating.DOWN;
  reason: FeedbackReason;
  comment: string;
}

/**
 * Checks a Submit request and throws INVALID_ARGUMENT naming every field that is wrong, so a
 * client fixes all of them in one round trip.
 */
export function validateSubmitRequest(request: SubmitRequest): ValidSubmission {
  const problems = [
    traceIdProblem(request.traceId),
    sessionIdProblem(request.sessionId),
    ratingProblem(request.rating),
    reasonProblem(request.reason),
    commentProblem(request.comment),
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw invalidArgument(problems.join('; '));
  return {
    traceId: request.traceId,
    sessionId: request.sessionId,
    rating: request.rating as Rating.UP | Rating.DOWN,
    reason: request.reason,
    comment: request.comment.trim(),
  };
}

function traceIdProblem(traceId: string): string | undefined {
  if (!TRACE_ID.test(traceId)) return 'trace_id: must be 32 lowercase hex characters';
  if (/^0+$/.test(traceId)) return 'trace_id: must not be all zeros';
  return undefined;
}

function sessionIdProblem(sessionId: string): string | undefined {
  if (sessionId.length === 0) return 'session_id: must not be empty';
  if (sessionId.length > MAX_SESSION_ID_LENGTH) {
    return `session_id: must be at most ${MAX_SESSION_ID_LENGTH} characters`;
  }
  if (!SESSION_ID.test(sessionId)) {
    return 'session_id: may only contain letters, digits and . _ : -';
  }
  return undefined;
}

function ratingProblem(rating: Rating): string | undefined {
  return rating === Rating.UP || rating === Rating.DOWN
    ? undefined
    : 'rating: must be RATING_UP or RATING_DOWN';
}

function reasonProblem(reason: FeedbackReason): string | undefined {
  // Proto3 enums are open: a newer client can send a number this build does not know.
  return FeedbackReasonSchema.values.some((v) => v.number === reason)
    ? undefined
    : `reason: unknown value ${reason}`;
}

function commentProblem(comment: string): string | undefined {
  return exceedsCodePoints(comment, MAX_COMMENT_CHARACTERS)
    ? `comment: must be at most ${MAX_COMMENT_CHARACTERS.toLocaleString('en-US')} characters`
    : undefined;
}

/** Counts characters as code points (an emoji is one), stopping early on huge inputs. */
function exceedsCodePoints(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    if (++count > max) return true;
  }
  return false;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
