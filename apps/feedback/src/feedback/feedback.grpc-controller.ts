import type { Metadata } from '@grpc/grpc-js';
import {
  type FeedbackService,
  type SubmitRequest,
  type SubmitResponse,
  SubmitResponseSchema,
} from '@mangaassist/contracts';
import type { GrpcServiceImplementation } from '@mangaassist/grpc';
import { create } from '@bufbuild/protobuf';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { FeedbackSubmissionService } from './feedback-submission.service';
import { traceparentFrom } from './trace-context';

@Controller()
export class FeedbackGrpcController implements GrpcServiceImplementation<typeof FeedbackService> {
  constructor(private readonly submissions: FeedbackSubmissionService) {}

  @GrpcMethod('FeedbackService', 'Submit')
  async submit(request: SubmitRequest, metadata?: Metadata): Promise<SubmitResponse> {
    const eventId = await this.submissions.submit(request, {
      traceparent: traceparentFrom(metadata),
    });
    return create(SubmitResponseSchema, { eventId });
  }
}
