import {
  FeedbackReason,
  FeedbackReasonSchema,
  Rating,
  enumValueByName,
} from '@mangaassist/contracts';
import { isGrpcError } from '@mangaassist/grpc';
import { status } from '@grpc/grpc-js';
import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import { feedbackRequestSchema, parseBody } from '../http/request-schemas';
import { UPSTREAMS, type Upstreams } from '../upstream/upstream-clients';

@Controller('v1/feedback')
export class FeedbackController {
  constructor(@Inject(UPSTREAMS) private readonly upstreams: Upstreams) {}

  /** A thumbs up or down on one answer; 202 once the feedback event is durable. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Body() body: unknown): Promise<{ eventId: string }> {
    const parsed = parseBody(feedbackRequestSchema, body);
    if (!parsed.ok) throw ApiError.badRequest(parsed.message);
    const request = parsed.value;
    try {
      const reply = await this.upstreams.feedback.rpc.submit({
        traceId: request.traceId,
        sessionId: request.sessionId,
        rating: request.rating === 'up' ? Rating.UP : Rating.DOWN,
        reason: request.reason
          ? (enumValueByName(FeedbackReasonSchema, request.reason) ?? FeedbackReason.OTHER)
          : FeedbackReason.UNSPECIFIED,
        comment: request.comment ?? '',
      });
      return { eventId: reply.eventId };
    } catch (error) {
      if (isGrpcError(error, status.INVALID_ARGUMENT)) throw ApiError.badRequest(error.details);
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        'upstream_unavailable',
        'feedback could not be recorded right now; please try again',
      );
    }
  }
}
