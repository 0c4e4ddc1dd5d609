import { GuardrailsService } from '@mangaassist/contracts';
import { createGrpcClient, type GrpcClientHandle } from '@mangaassist/grpc';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { CommentRedactor, RedactionContext } from '../comment-redactor';

export interface GuardrailsRedactorOptions {
  /** host:port of the guardrails service. */
  address: string;
  deadlineMs: number;
}

/** Redacts through guardrails.Redact, the one place that knows every PII pattern we hide. */
export class GuardrailsCommentRedactor implements CommentRedactor, OnApplicationShutdown {
  private readonly client: GrpcClientHandle<typeof GuardrailsService>;

  constructor(options: GuardrailsRedactorOptions) {
    this.client = createGrpcClient(GuardrailsService, {
      address: options.address,
      defaultDeadlineMs: options.deadlineMs,
    });
  }

  async redact(comment: string, context?: RedactionContext): Promise<string> {
    const metadata: Record<string, string> = {};
    if (context?.traceparent) metadata['traceparent'] = context.traceparent;
    const reply = await this.client.rpc.redact({ text: comment }, { metadata });
    return reply.redactedText;
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
