import { setTimeout as sleep } from 'node:timers/promises';
import {
  type FailureKind,
  ModelCallError,
  type ModelCall,
  type ModelClient,
  type ModelEvent,
} from '../llm/model-client';

/** What one scripted model call does. */
export interface ModelScript {
  chunks: string[];
  /** Fail before any text with this kind (a 429, a 503, a validation error). */
  failBefore?: FailureKind;
  /** Fail with an error after this many chunks. */
  failAfter?: number;
  /** Wait before the first chunk. */
  delayMs?: number;
  /** Keep going after the signal aborts (a provider that ignores cancellation). */
  ignoreAbort?: boolean;
  usage?: { inputTokens: number; outputTokens: number };
}

/**
 * A model client for unit tests of the provider chain: each call follows the script the test
 * returns for it, and every call is recorded with the model it asked for.
 */
export class ScriptedModelClient implements ModelClient {
  readonly provider = 'scripted';
  readonly calls: ModelCall[] = [];

  constructor(private readonly script: (call: ModelCall, index: number) => ModelScript) {}

  close(): void {
    // Nothing to release.
  }

  async *stream(call: ModelCall, signal: AbortSignal): AsyncIterable<ModelEvent> {
    this.calls.push(call);
    const script = this.script(call, this.calls.length - 1);
    if (script.delayMs) {
      if (script.ignoreAbort) await sleep(script.delayMs);
      else await sleep(script.delayMs, undefined, { signal }).catch(() => undefined);
    }
    if (signal.aborted && !script.ignoreAbort) throw new ModelCallError('cancelled', 'aborted');
    if (script.failBefore) {
      throw new ModelCallError(script.failBefore, `scripted ${script.failBefore}`);
    }
    for (const [index, text] of script.chunks.entries()) {
      if (script.failAfter === index) throw new ModelCallError('error', 'scripted stream failure');
      yield { kind: 'text', text };
    }
    yield { kind: 'stop', reason: 'complete' };
    if (script.usage) yield { kind: 'usage', ...script.usage };
  }
}
