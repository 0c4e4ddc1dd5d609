import { create } from '@bufbuild/protobuf';
import {
  FinishReason,
  type GenerateRequest,
  type GenerateResponse,
  GenerateResponseSchema,
} from '@mangaassist/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import {
  ANSWER_PROVIDER,
  type AnswerMetadata,
  type AnswerProvider,
  type AnswerRequest,
} from './answer-provider';
import { toAnswerRequest } from './generate-request.validator';

/**
 * Runs one Generate call: validates the request, streams the provider's text as deltas and
 * closes with exactly one final event. A provider failure ends the stream with finish_reason
 * ERROR and no answer text, so a half-written answer is never passed on as complete.
 * Unsubscribing (the client cancelled) aborts the provider.
 */
@Injectable()
export class GenerationService {
  private readonly logger = new Logger(GenerationService.name);

  constructor(@Inject(ANSWER_PROVIDER) private readonly provider: AnswerProvider) {}

  /** Throws INVALID_ARGUMENT synchronously, before any event is streamed. */
  generate(request: GenerateRequest): Observable<GenerateResponse> {
    const answerRequest = toAnswerRequest(request);
    return new Observable<GenerateResponse>((subscriber) => {
      const abort = new AbortController();
      void this.run(answerRequest, abort.signal, subscriber);
      return () => abort.abort();
    });
  }

  private async run(
    request: AnswerRequest,
    signal: AbortSignal,
    subscriber: Subscriber<GenerateResponse>,
  ): Promise<void> {
    const started = performance.now();
    const texts: string[] = [];
    let metadata: AnswerMetadata | undefined;
    try {
      for await (const event of this.provider.generate(request, signal)) {
        if (signal.aborted) break;
        if (event.kind === 'done') {
          metadata = event.metadata;
          break;
        }
        if (event.text === '') continue;
        texts.push(event.text);
        subscriber.next(
          create(GenerateResponseSchema, { event: { case: 'delta', value: { text: event.text } } }),
        );
      }
      if (signal.aborted) {
        this.logger.debug(`trace=${request.traceId} cancelled by the client`);
        return;
      }
      if (!metadata) throw new Error('the answer stream ended without its final metadata');
      subscriber.next(
        create(GenerateResponseSchema, {
          event: {
            case: 'final',
            value: {
              answer: texts.join(''),
              citations: metadata.citations,
              finishReason:
                metadata.finishReason === 'length' ? FinishReason.LENGTH : FinishReason.COMPLETE,
              modelId: metadata.modelId,
              promptVersion: metadata.promptVersion,
              inputTokens: metadata.inputTokens,
              outputTokens: metadata.outputTokens,
            },
          },
        }),
      );
      this.logger.debug(
        `trace=${request.traceId} intent=${request.intent} locale=${request.locale} ` +
          `chunks=${texts.length} ms=${(performance.now() - started).toFixed(1)}`,
      );
      subscriber.complete();
    } catch (error) {
      if (signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`trace=${request.traceId} generation failed: ${message}`);
      subscriber.next(
        create(GenerateResponseSchema, {
          event: {
            case: 'final',
            value: {
              finishReason: FinishReason.ERROR,
              errorMessage: `generation failed: ${message}`,
              modelId: this.provider.modelId,
              promptVersion: this.provider.promptVersion,
            },
          },
        }),
      );
      subscriber.complete();
    }
  }
}
