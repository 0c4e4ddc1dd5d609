import {
  BedrockRuntimeClient,
  type BedrockRuntimeClientConfig,
  ConverseStreamCommand,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { ModelCallError, type ModelCall, type ModelClient, type ModelEvent } from '../model-client';

export interface BedrockClientOptions {
  /** Undefined: the standard AWS chain (AWS_REGION, the shared config file). */
  region?: string;
  /** BEDROCK_ENDPOINT: a VPC endpoint, or a local fake endpoint in tests. */
  endpoint?: string;
  /** Undefined: the standard AWS credential chain (env, SSO, web identity, IMDS). */
  credentials?: BedrockRuntimeClientConfig['credentials'];
}

/** Bedrock errors the fallback policy treats as transient (the AWS docs say "retry"). */
const THROTTLED = new Set(['ThrottlingException', 'ServiceQuotaExceededException']);
const UNAVAILABLE = new Set([
  'ServiceUnavailableException',
  'InternalServerException',
  'ModelNotReadyException',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
]);
const TIMEOUT = new Set(['ModelTimeoutException', 'TimeoutError']);

export function createBedrockRuntimeClient(options: BedrockClientOptions): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    // One attempt per call: retries, backoff and fallback belong to ResilientAnswerProvider,
    // which can see the whole chain (and must never retry once text reached the shopper).
    maxAttempts: 1,
  });
}

/**
 * Streams one answer from Bedrock with ConverseStream: contentBlockDelta text becomes text
 * events, messageStop the stop reason, metadata the billed tokens. The abort signal goes to
 * the SDK, and the HTTP/2 stream is reset whenever the caller stops reading early.
 */
export class BedrockConverseModelClient implements ModelClient {
  readonly provider = 'bedrock';

  constructor(private readonly client: BedrockRuntimeClient) {}

  close(): void {
    this.client.destroy();
  }

  async *stream(call: ModelCall, signal: AbortSignal): AsyncIterable<ModelEvent> {
    const abort = new AbortController();
    const forward = () => abort.abort(signal.reason);
    if (signal.aborted) forward();
    signal.addEventListener('abort', forward, { once: true });
    try {
      const response = await this.client
        .send(
          new ConverseStreamCommand({
            modelId: call.modelId,
            system: [{ text: call.system }],
            messages: [{ role: 'user', content: [{ text: call.user }] }],
            inferenceConfig: { maxTokens: call.maxOutputTokens, temperature: call.temperature },
            requestMetadata: call.traceId ? { trace_id: call.traceId } : undefined,
          }),
          { abortSignal: abort.signal },
        )
        .catch((error: unknown) => {
          throw toModelCallError(error, signal);
        });
      if (!response.stream) throw new ModelCallError('error', 'ConverseStream returned no stream');
      let stopped = false;
      try {
        for await (const event of response.stream) {
          const mapped = toModelEvent(event);
          if (mapped?.kind === 'stop') stopped = true;
          if (mapped) yield mapped;
          if (signal.aborted) return;
        }
      } catch (error) {
        throw toModelCallError(error, signal);
      }
      // The SDK ends the iteration quietly when the connection is reset; only messageStop
      // says the answer is whole.
      if (!stopped && !signal.aborted) {
        throw new ModelCallError(
          'error',
          'bedrock: the stream ended before messageStop (connection lost)',
        );
      }
    } finally {
      signal.removeEventListener('abort', forward);
      // Leaving the loop early (a break, a timeout) does not close an HTTP/2 stream by itself.
      abort.abort();
    }
  }
}

function toModelEvent(event: ConverseStreamOutput): ModelEvent | undefined {
  if (event.contentBlockDelta) {
    const text = event.contentBlockDelta.delta?.text;
    return text ? { kind: 'text', text } : undefined;
  }
  if (event.messageStop) {
    return {
      kind: 'stop',
      reason: event.messageStop.stopReason === 'max_tokens' ? 'length' : 'complete',
    };
  }
  if (event.metadata?.usage) {
    return {
      kind: 'usage',
      inputTokens: event.metadata.usage.inputTokens ?? 0,
      outputTokens: event.metadata.usage.outputTokens ?? 0,
    };
  }
  const failure =
    event.throttlingException ??
    event.serviceUnavailableException ??
    event.internalServerException ??
    event.modelStreamErrorException ??
    event.validationException;
  if (failure) throw toModelCallError(failure, undefined);
  return undefined;
}

export function toModelCallError(error: unknown, signal: AbortSignal | undefined): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (signal?.aborted) return new ModelCallError('cancelled', 'the call was cancelled');
  const named = error as { name?: string; code?: string; message?: string };
  const name = named.name ?? '';
  const code = named.code ?? '';
  const message = `bedrock ${name || code || 'error'}: ${named.message ?? String(error)}`;
  if (THROTTLED.has(name)) return new ModelCallError('throttled', message);
  if (UNAVAILABLE.has(name) || UNAVAILABLE.has(code)) {
    return new ModelCallError('unavailable', message);
  }
  if (TIMEOUT.has(name)) return new ModelCallError('timeout', message);
  if (name === 'AbortError') return new ModelCallError('cancelled', message);
  return new ModelCallError('error', message);
}
