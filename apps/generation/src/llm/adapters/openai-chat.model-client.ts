import { ModelCallError, type ModelCall, type ModelClient, type ModelEvent } from '../model-client';
import { readSse } from '../sse-reader';

export interface OpenAiClientOptions {
  /** The API root that holds /chat/completions, e.g. http://127.0.0.1:11434/v1 (Ollama). */
  baseUrl: string;
  /** Sent as a bearer token when set; self-hosted servers often need none. */
  apiKey?: string;
}

/** The subset of a chat.completion.chunk this adapter reads. */
interface CompletionChunk {
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string; type?: string; code?: string | number } | string;
}

/** How long an error body may be before it is cut in the message. */
const MAX_ERROR_BODY = 500;

/**
 * Streams one answer from any OpenAI-compatible chat-completions endpoint (vLLM, Ollama,
 * LiteLLM, OpenAI itself) over server-sent events: `data: {chunk}` lines until `data: [DONE]`.
 * Usage comes from the final chunk when the server honours stream_options.include_usage.
 */
export class OpenAiChatModelClient implements ModelClient {
  readonly provider = 'openai';
  private readonly url: string;

  constructor(private readonly options: OpenAiClientOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  }

  close(): void {
    // fetch's pooled connections close themselves when idle.
  }

  async *stream(call: ModelCall, signal: AbortSignal): AsyncIterable<ModelEvent> {
    const abort = new AbortController();
    const forward = () => abort.abort(signal.reason);
    if (signal.aborted) forward();
    signal.addEventListener('abort', forward, { once: true });
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
          ...(call.traceId ? { 'x-request-id': call.traceId } : {}),
        },
        body: JSON.stringify({
          model: call.modelId,
          messages: [
            { role: 'system', content: call.system },
            { role: 'user', content: call.user },
          ],
          stream: true,
          stream_options: { include_usage: true },
          max_tokens: call.maxOutputTokens,
          temperature: call.temperature,
        }),
        signal: abort.signal,
      }).catch((error: unknown) => {
        throw networkError(error, signal);
      });
      if (!response.ok) throw await httpError(response);
      if (!response.body) throw new ModelCallError('error', 'chat completions returned no body');

      let stopped = false;
      let done = false;
      try {
        for await (const sse of readSse(response.body)) {
          if (sse.data === '[DONE]') {
            done = true;
            break;
          }
          const chunk = parseChunk(sse.data);
          if (chunk.error !== undefined) throw streamedError(chunk.error);
          if (chunk.usage) {
            yield {
              kind: 'usage',
              inputTokens: chunk.usage.prompt_tokens ?? 0,
              outputTokens: chunk.usage.completion_tokens ?? 0,
            };
          }
          const choice = chunk.choices?.[0];
          const text = choice?.delta?.content;
          if (text) yield { kind: 'text', text };
          if (choice?.finish_reason && !stopped) {
            stopped = true;
            yield {
              kind: 'stop',
              reason: choice.finish_reason === 'length' ? 'length' : 'complete',
            };
          }
          if (signal.aborted) return;
        }
      } catch (error) {
        throw networkError(error, signal);
      }
      if (!done && !stopped) {
        throw new ModelCallError('error', 'chat completions stream ended before [DONE]');
      }
    } finally {
      signal.removeEventListener('abort', forward);
      abort.abort();
    }
  }
}

function parseChunk(data: string): CompletionChunk {
  try {
    return JSON.parse(data) as CompletionChunk;
  } catch {
    throw new ModelCallError(
      'error',
      `chat completions sent a malformed chunk: ${data.slice(0, 100)}`,
    );
  }
}

function streamedError(error: NonNullable<CompletionChunk['error']>): ModelCallError {
  const detail = typeof error === 'string' ? { message: error } : error;
  const text = `${detail.message ?? 'error'}`;
  const code = String(detail.code ?? detail.type ?? '');
  if (/rate.?limit|429|too.?many/i.test(`${code} ${text}`)) {
    return new ModelCallError('throttled', `chat completions: ${text}`);
  }
  if (/overloaded|unavailable|503|502/i.test(`${code} ${text}`)) {
    return new ModelCallError('unavailable', `chat completions: ${text}`);
  }
  return new ModelCallError('error', `chat completions: ${text}`);
}

async function httpError(response: Response): Promise<ModelCallError> {
  const body = (await response.text().catch(() => '')).slice(0, MAX_ERROR_BODY);
  let message = body;
  try {
    const parsed = JSON.parse(body) as CompletionChunk;
    if (parsed.error !== undefined) {
      message = typeof parsed.error === 'string' ? parsed.error : (parsed.error.message ?? body);
    }
  } catch {
    // Not JSON: keep the raw text.
  }
  const text = `chat completions HTTP ${response.status}: ${message}`;
  if (response.status === 429) {
    return new ModelCallError('throttled', text, retryAfterMs(response.headers.get('retry-after')));
  }
  if (response.status >= 500 || response.status === 408) {
    return new ModelCallError(
      'unavailable',
      text,
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  return new ModelCallError('error', text);
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function networkError(error: unknown, signal: AbortSignal): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (signal.aborted) return new ModelCallError('cancelled', 'the call was cancelled');
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const message = `chat completions: ${(error as Error).message}${cause?.message ? ` (${cause.message})` : ''}`;
  // Refused, reset or cut connections are the server being away, worth one more try.
  return new ModelCallError('unavailable', message);
}
