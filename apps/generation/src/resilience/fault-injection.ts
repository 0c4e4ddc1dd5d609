import type { Fault } from '../app/generation.config';
import type { AnswerEvent, AnswerProvider, AnswerRequest } from '../generation/answer-provider';
import { ModelCallError } from '../llm/model-client';
import { abortableSleep } from './backoff';

export interface FaultOptions {
  faults: readonly Fault[];
  /** Share of calls that get each listed fault, 0..1. */
  rate: number;
  /** How long "slow" waits before the first piece of text. */
  slowMs: number;
  random?: () => number;
}

/**
 * GENERATION_FAULTS for local development, in the spirit of the opentelemetry-demo's mock LLM
 * flags: makes the provider it wraps throttle, be unavailable, fail after its first piece of
 * text, or start slowly, so retries, fallbacks, first-token timeouts and the honest error
 * frame can be watched end to end without a cloud account.
 */
export class FaultInjectingProvider implements AnswerProvider {
  readonly modelId: string;
  readonly promptVersion: string;
  private readonly random: () => number;

  constructor(
    private readonly inner: AnswerProvider,
    private readonly options: FaultOptions,
  ) {
    this.modelId = inner.modelId;
    this.promptVersion = inner.promptVersion;
    this.random = options.random ?? Math.random;
  }

  async *generate(request: AnswerRequest, signal: AbortSignal): AsyncIterable<AnswerEvent> {
    if (this.hits('throttle')) {
      throw new ModelCallError('throttled', 'injected fault: throttle (GENERATION_FAULTS)');
    }
    if (this.hits('unavailable')) {
      throw new ModelCallError('unavailable', 'injected fault: unavailable (GENERATION_FAULTS)');
    }
    const failMidway = this.hits('midstream_error');
    if (this.hits('slow')) await abortableSleep(this.options.slowMs, signal);
    let texts = 0;
    for await (const event of this.inner.generate(request, signal)) {
      if (event.kind === 'done' && failMidway) break;
      yield event;
      if (event.kind === 'text' && failMidway && ++texts === 1) break;
    }
    if (failMidway && !signal.aborted) {
      throw new ModelCallError('error', 'injected fault: midstream_error (GENERATION_FAULTS)');
    }
  }

  private hits(fault: Fault): boolean {
    return this.options.faults.includes(fault) && this.random() < this.options.rate;
  }
}
