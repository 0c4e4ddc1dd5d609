import { create } from '@bufbuild/protobuf';
import { status } from '@grpc/grpc-js';
import {
  FeedbackReason,
  Rating,
  type SubmitRequest,
  SubmitRequestSchema,
} from '@mangaassist/contracts';
import { RpcException } from '@nestjs/microservices';
import { validateSubmitRequest } from './submit-request.validator';

type Fields = Partial<Omit<SubmitRequest, '$typeName' | '$unknown'>>;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function request(overrides: Fields = {}): SubmitRequest {
  return create(SubmitRequestSchema, {
    traceId: TRACE_ID,
    sessionId: 'sess-01J9Z.abc:1',
    rating: Rating.DOWN,
    reason: FeedbackReason.WRONG_ITEM,
    comment: '',
    ...overrides,
  });
}

function problemOf(overrides: Fields): string {
  try {
    validateSubmitRequest(request(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(RpcException);
    const payload = (error as RpcException).getError() as { code: number; message: string };
    expect(payload.code).toBe(status.INVALID_ARGUMENT);
    return payload.message;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('validateSubmitRequest', () => {
  it('accepts a Japanese thumbs-down with a comment and trims it', () => {
    const valid = validateSubmitRequest(
      request({ comment: '  巻数が違います。最新刊は12巻です。\n' }),
    );
    expect(valid).toEqual({
      traceId: TRACE_ID,
      sessionId: 'sess-01J9Z.abc:1',
      rating: Rating.DOWN,
      reason: FeedbackReason.WRONG_ITEM,
      comment: '巻数が違います。最新刊は12巻です。',
    });
  });

  it('accepts an English thumbs-up with no reason and no comment', () => {
    const valid = validateSubmitRequest(
      request({ rating: Rating.UP, reason: FeedbackReason.UNSPECIFIED }),
    );
    expect(valid.rating).toBe(Rating.UP);
    expect(valid.comment).toBe('');
  });

  describe('trace_id', () => {
    it.each([
      ['empty', ''],
      ['too short', 'abc123'],
      ['upper case', TRACE_ID.toUpperCase()],
      ['33 characters', `${TRACE_ID}0`],
      ['not hex', 'g'.repeat(32)],
      ['a W3C traceparent instead of the id', `00-${TRACE_ID}-00f067aa0ba902b7-01`],
    ])('rejects %s', (_name, traceId) => {
      expect(problemOf({ traceId })).toMatch(/^trace_id: must be 32 lowercase hex/);
    });

    it('rejects the all-zero invalid trace id', () => {
      expect(problemOf({ traceId: '0'.repeat(32) })).toBe('trace_id: must not be all zeros');
    });
  });

  describe('session_id', () => {
    it('rejects an empty one', () => {
      expect(problemOf({ sessionId: '' })).toBe('session_id: must not be empty');
    });

    it('accepts 128 characters and rejects 129', () => {
      expect(validateSubmitRequest(request({ sessionId: 'a'.repeat(128) })).sessionId).toHaveLength(
        128,
      );
      expect(problemOf({ sessionId: 'a'.repeat(129) })).toBe(
        'session_id: must be at most 128 characters',
      );
    });

    it.each([
      ['Japanese', 'セッション1'],
      ['a space', 'sess 1'],
      ['a slash', 'sess/1'],
      ['an emoji', 'sess-😀'],
      ['a control character', 'sess\u0000'],
    ])('rejects %s', (_name, sessionId) => {
      expect(problemOf({ sessionId })).toMatch(/^session_id: may only contain/);
    });
  });

  describe('rating', () => {
    it.each([
      ['unspecified', Rating.UNSPECIFIED],
      ['an unknown number', 7],
    ])('rejects %s', (_name, rating) => {
      expect(problemOf({ rating })).toBe('rating: must be RATING_UP or RATING_DOWN');
    });
  });

  describe('reason', () => {
    it('accepts every defined reason', () => {
      for (const reason of [0, 1, 2, 3, 4, 5, 6]) {
        expect(validateSubmitRequest(request({ reason })).reason).toBe(reason);
      }
    });

    it.each([7, 99, -1])('rejects the unknown value %d', (reason) => {
      expect(problemOf({ reason })).toBe(`reason: unknown value ${reason}`);
    });
  });

  describe('comment', () => {
    it('accepts 1,000 Japanese characters and rejects 1,001', () => {
      expect(validateSubmitRequest(request({ comment: 'あ'.repeat(1000) })).comment).toHaveLength(
        1000,
      );
      expect(problemOf({ comment: 'あ'.repeat(1001) })).toBe(
        'comment: must be at most 1,000 characters',
      );
    });

    it('counts an emoji as one character, so 1,000 emoji are allowed', () => {
      const comment = '😀'.repeat(1000);
      expect(comment.length).toBe(2000);
      expect(validateSubmitRequest(request({ comment })).comment).toBe(comment);
    });

    it('rejects 10,000 English characters without scanning them all', () => {
      expect(problemOf({ comment: 'too long '.repeat(1200) })).toMatch(/^comment: /);
    });

    it.each([
      ['emoji only', '👎👎👎'],
      ['control characters', 'bad\u0007answer\u0000'],
      ['a lone surrogate', 'wrong \ud800 volume'],
    ])('keeps odd text with %s for redaction', (_name, comment) => {
      expect(validateSubmitRequest(request({ comment })).comment).toBe(comment);
    });
  });

  it('names every wrong field in one error', () => {
    const message = problemOf({
      traceId: '',
      sessionId: '',
      rating: 0,
      reason: 42 as FeedbackReason,
    });
    expect(message).toBe(
      [
        'trace_id: must be 32 lowercase hex characters',
        'session_id: must not be empty',
        'rating: must be RATING_UP or RATING_DOWN',
        'reason: unknown value 42',
      ].join('; '),
    );
  });
});
