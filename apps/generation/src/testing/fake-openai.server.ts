import { randomUUID } from 'node:crypto';
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  createServer,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FakeChatScript {
  /** Text pieces streamed as chat.completion.chunk deltas. */
  chunks: string[];
  firstChunkDelayMs?: number;
  chunkDelayMs?: number;
  usage?: { promptTokens: number; completionTokens: number };
  finishReason?: 'stop' | 'length';
  /**
   * throttle: HTTP 429 with Retry-After. unavailable: HTTP 503. midstream: a `data: {"error":…}`
   * event after `failAfterChunks` pieces (what vLLM sends). reset: the socket is destroyed
   * there. no_done: the body ends without a finish reason or [DONE].
   */
  fail?: 'throttle' | 'unavailable' | 'midstream' | 'reset' | 'no_done';
  failAfterChunks?: number;
  retryAfterSeconds?: number;
}

export interface FakeChatRequest {
  headers: IncomingHttpHeaders;
  body: ChatCompletionsBody;
  cancelledByClient: boolean;
  chunksSent: number;
}

export interface ChatCompletionsBody {
  model?: string;
  messages?: { role?: string; content?: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  temperature?: number;
}

/**
 * A local stand-in for an OpenAI-compatible chat-completions server (vLLM, Ollama, LiteLLM):
 * POST /v1/chat/completions with stream:true answered as text/event-stream, one
 * `data: {chat.completion.chunk}` per piece, a finish_reason chunk, a usage chunk when
 * stream_options.include_usage asks for it, and `data: [DONE]`; or the errors such servers
 * give (429 with Retry-After, 503, an error event mid-stream, a dropped connection).
 */
export class FakeOpenAiServer {
  readonly requests: FakeChatRequest[] = [];

  private readonly server: Server;

  private constructor(
    private readonly script: (request: FakeChatRequest, index: number) => FakeChatScript,
    private readonly apiKey: string | undefined,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(
    script: (request: FakeChatRequest, index: number) => FakeChatScript,
    options: { apiKey?: string } = {},
  ): Promise<FakeOpenAiServer> {
    const fake = new FakeOpenAiServer(script, options.apiKey);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The API root, as OPENAI_BASE_URL takes it. */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return json(res, 404, {
        error: { message: `no route for ${req.method} ${req.url}`, type: 'invalid_request_error' },
      });
    }
    if (this.apiKey && req.headers.authorization !== `Bearer ${this.apiKey}`) {
      return json(res, 401, {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      });
    }
    let body: ChatCompletionsBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatCompletionsBody;
    } catch {
      return json(res, 400, {
        error: { message: 'malformed JSON body', type: 'invalid_request_error' },
      });
    }
    const request: FakeChatRequest = {
      headers: req.headers,
      body,
      cancelledByClient: false,
      chunksSent: 0,
    };
    this.requests.push(request);
    const problem = validate(body);
    if (problem) {
      return json(res, 400, { error: { message: problem, type: 'invalid_request_error' } });
    }
    const script = this.script(request, this.requests.length - 1);

    let finished = false;
    const closed = new AbortController();
    res.on('close', () => {
      closed.abort();
      if (!finished) request.cancelledByClient = true;
    });
    if (script.fail === 'throttle') {
      res.setHeader('retry-after', String(script.retryAfterSeconds ?? 0));
      return json(res, 429, {
        error: {
          message: 'Rate limit reached for requests',
          type: 'requests',
          code: 'rate_limit_exceeded',
        },
      });
    }
    if (script.fail === 'unavailable') {
      return json(res, 503, {
        error: { message: 'The server is overloaded', type: 'server_error' },
      });
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const send = (payload: object) => {
      if (!res.destroyed) res.write(`data: ${JSON.stringify(payload)}\n\n`);
    };
    const chunk = (delta: object, finishReason: string | null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model: body.model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    });
    send(chunk({ role: 'assistant', content: '' }, null));
    const failAt = script.failAfterChunks ?? 1;
    for (const [index, text] of script.chunks.entries()) {
      const delay = index === 0 ? script.firstChunkDelayMs : script.chunkDelayMs;
      if (delay) await sleep(delay, undefined, { signal: closed.signal }).catch(() => undefined);
      if (res.destroyed) return;
      if (index === failAt && this.failMidway(res, script)) {
        finished = true;
        return;
      }
      send(chunk({ content: text }, null));
      request.chunksSent += 1;
    }
    if (script.chunks.length <= failAt && this.failMidway(res, script)) {
      finished = true;
      return;
    }
    if (script.fail === 'no_done') {
      finished = true;
      res.end();
      return;
    }
    send(chunk({}, script.finishReason ?? 'stop'));
    if (body.stream_options?.include_usage) {
      const usage = script.usage ?? { promptTokens: 100, completionTokens: 20 };
      send({
        id,
        object: 'chat.completion.chunk',
        created,
        model: body.model,
        choices: [],
        usage: {
          prompt_tokens: usage.promptTokens,
          completion_tokens: usage.completionTokens,
          total_tokens: usage.promptTokens + usage.completionTokens,
        },
      });
    }
    finished = true;
    res.end('data: [DONE]\n\n');
  }

  private failMidway(res: ServerResponse, script: FakeChatScript): boolean {
    if (script.fail === 'midstream') {
      res.end(
        `data: ${JSON.stringify({ error: { message: 'upstream model crashed', type: 'server_error', code: 500 } })}\n\n`,
      );
      return true;
    }
    if (script.fail === 'reset') {
      res.socket?.destroy();
      return true;
    }
    return false;
  }
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function validate(body: ChatCompletionsBody): string | undefined {
  if (!body.model) return 'model: required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: required';
  if (body.messages.some((m) => typeof m.content !== 'string' || !m.role)) {
    return 'messages: every message needs a role and string content';
  }
  if (body.stream !== true) return 'this fake serves streaming requests only (stream: true)';
  return undefined;
}
