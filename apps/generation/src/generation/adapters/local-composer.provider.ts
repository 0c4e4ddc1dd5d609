import { Injectable } from '@nestjs/common';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { chunkAnswer } from '../../composer/answer-chunker';
import { composeAnswer } from '../../composer/answer-composer';
import type { AnswerEvent, AnswerProvider, AnswerRequest } from '../answer-provider';

export const LOCAL_COMPOSER_MODEL_ID = 'local-composer';
export const LOCAL_COMPOSER_PROMPT_VERSION = 'local-composer/v1';

/**
 * The embedded answer provider: composes a grounded answer from the evidence with fixed
 * templates (no model, no network, no tokens billed) and streams it in natural chunks.
 */
@Injectable()
export class LocalComposerProvider implements AnswerProvider {
  readonly modelId = LOCAL_COMPOSER_MODEL_ID;
  readonly promptVersion = LOCAL_COMPOSER_PROMPT_VERSION;

  async *generate(request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent> {
    if (signal.aborted) return;
    const answer = composeAnswer(request);
    for (const text of chunkAnswer(answer.text)) {
      yield { kind: 'text', text };
      // Yield the event loop between chunks so a cancelled call is noticed mid-answer and
      // the transport can flush each delta as its own message.
      await nextTurn();
      if (signal.aborted) return;
    }
    yield {
      kind: 'done',
      metadata: {
        citations: answer.citations,
        finishReason: 'complete',
        modelId: this.modelId,
        promptVersion: this.promptVersion,
        inputTokens: 0,
        outputTokens: 0,
        estimatedCostUsd: 0,
        attempts: [],
      },
    };
  }
}
