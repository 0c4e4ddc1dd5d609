import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { randomUUID } from 'node:crypto';
import {
  type Http2Server,
  type IncomingHttpHeaders,
  type ServerHttp2Stream,
  constants,
  createServer,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the fake model does for one request. */
export interface FakeModelScript {
  /** Text pieces streamed as contentBlockDelta events. */
  chunks: string[];
  /** Wait before the first piece (a slow model) and between pieces. */
  firstChunkDelayMs?: number;
  chunkDelayMs?: number;
  usage?: { inputTokens: number; outputTokens: number };
  stopReason?: 'end_turn' | 'max_tokens';
  /**
   * throttle: HTTP 429 ThrottlingException before streaming. unavailable: HTTP 503
   * ServiceUnavailableException. validation: HTTP 400. midstream: a modelStreamErrorException
   * event after `failAfterChunks` pieces. midstream_throttle: a throttlingException event there.
   * reset: the HTTP/2 stream is reset there.
   */
  fail?: 'throttle' | 'unavailable' | 'validation' | 'midstream' | 'midstream_throttle' | 'reset';
  failAfterChunks?: number;
}

export interface FakeBedrockRequest {
  modelId: string;
  headers: IncomingHttpHeaders;
  body: ConverseStreamBody;
  /** True once the client reset the stream before the server finished it (a cancel). */
  cancelledByClient: boolean;
  /** Pieces written before the stream ended. */
  chunksSent: number;
}

/** The part of the ConverseStream request body the fake checks. */
export interface ConverseStreamBody {
  messages?: { role?: string; content?: { text?: string }[] }[];
  system?: { text?: string }[];
  inferenceConfig?: { maxTokens?: number; temperature?: number };
  requestMetadata?: Record<string, string>;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** One event-stream frame, as Bedrock writes it: JSON payload, :event-type / :exception-type headers. */
export function eventFrame(eventType: string, payload: object): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'event' },
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    // Bedrock pads every event with a random "p" field so sizes do not leak content.
    body: fromUtf8(JSON.stringify({ ...payload, p: randomUUID().slice(0, 8) })),
  });
}

export function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': { type: 'string', value: 'exception' },
      ':exception-type': { type: 'string', value: exceptionType },
      ':content-type': { type: 'string', value: 'application/json' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/**
 * A local stand-in for Bedrock Runtime's ConverseStream, speaking its real wire format: HTTP/2,
 * POST /model/{modelId}/converse-stream with a SigV4-signed JSON body, answered with an
 * application/vnd.amazon.eventstream body of messageStart, contentBlockDelta,
 * contentBlockStop, messageStop and metadata frames, or with Bedrock's error shapes
 * (x-amzn-errortype on HTTP errors, exception frames mid-stream). The SDK is pointed at it
 * with `endpoint`, so requests go through the SDK's own signing, serde and HTTP/2 handler.
 */
export class FakeBedrockServer {
  readonly requests: FakeBedrockRequest[] = [];

  private constructor(
    private readonly server: Http2Server,
    private readonly script: (request: FakeBedrockRequest, index: number) => FakeModelScript,
  ) {}

  static async start(
    script: (request: FakeBedrockRequest, index: number) => FakeModelScript,
  ): Promise<FakeBedrockServer> {
    const server = createServer();
    const fake = new FakeBedrockServer(server, script);
    server.on('stream', (stream, headers) => void fake.handle(stream, headers));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Promise<void> {
    stream.on('error', () => undefined);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const path = String(headers[':path'] ?? '');
    const match = /^\/model\/([^/]+)\/converse-stream$/.exec(path);
    if (headers[':method'] !== 'POST' || !match) {
      return this.error(stream, 404, 'UnknownOperationException', `no route for ${path}`);
    }
    const auth = String(headers.authorization ?? '');
    if (
      !/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/bedrock\/aws4_request/.test(auth)
    ) {
      return this.error(
        stream,
        403,
        'AccessDeniedException',
        'missing or malformed SigV4 signature',
      );
    }
    let body: ConverseStreamBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ConverseStreamBody;
    } catch {
      return this.error(stream, 400, 'ValidationException', 'malformed JSON body');
    }
    const request: FakeBedrockRequest = {
      modelId: decodeURIComponent(match[1]),
      headers,
      body,
      cancelledByClient: false,
      chunksSent: 0,
    };
    this.requests.push(request);
    const problem = validate(body);
    if (problem) return this.error(stream, 400, 'ValidationException', problem);
    const script = this.script(request, this.requests.length - 1);

    let finished = false;
    const closed = new AbortController();
    stream.on('close', () => {
      closed.abort();
      if (!finished && stream.rstCode === constants.NGHTTP2_CANCEL) {
        request.cancelledByClient = true;
      }
    });
    if (script.fail === 'throttle') {
      return this.error(
        stream,
        429,
        'ThrottlingException',
        'Too many requests, please wait before trying again.',
      );
    }
    if (script.fail === 'unavailable') {
      return this.error(
        stream,
        503,
        'ServiceUnavailableException',
        'Bedrock is unable to process your request.',
      );
    }
    if (script.fail === 'validation') {
      return this.error(
        stream,
        400,
        'ValidationException',
        'The provided model identifier is invalid.',
      );
    }
    stream.respond({
      ':status': 200,
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': randomUUID(),
    });
    const write = (frame: Uint8Array) => {
      if (!stream.destroyed && !stream.closed) stream.write(frame);
    };
    write(eventFrame('messageStart', { role: 'assistant' }));
    const failAt = script.failAfterChunks ?? 1;
    for (const [index, text] of script.chunks.entries()) {
      const delay = index === 0 ? script.firstChunkDelayMs : script.chunkDelayMs;
      if (delay) await sleep(delay, undefined, { signal: closed.signal }).catch(() => undefined);
      if (stream.destroyed || stream.closed) return;
      if (index === failAt && this.failMidway(stream, script)) {
        finished = true;
        return;
      }
      write(eventFrame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }));
      request.chunksSent += 1;
    }
    if (script.chunks.length <= failAt && this.failMidway(stream, script)) {
      finished = true;
      return;
    }
    write(eventFrame('contentBlockStop', { contentBlockIndex: 0 }));
    write(eventFrame('messageStop', { stopReason: script.stopReason ?? 'end_turn' }));
    const usage = script.usage ?? { inputTokens: 100, outputTokens: 20 };
    write(
      eventFrame('metadata', {
        usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
        metrics: { latencyMs: 42 },
      }),
    );
    finished = true;
    stream.end();
  }

  /** Ends the stream the way the script's mid-stream failure does; false when it has none. */
  private failMidway(stream: ServerHttp2Stream, script: FakeModelScript): boolean {
    if (script.fail === 'midstream') {
      stream.end(exceptionFrame('modelStreamErrorException', 'The model stream was interrupted.'));
      return true;
    }
    if (script.fail === 'midstream_throttle') {
      stream.end(exceptionFrame('throttlingException', 'Too many tokens, please wait.'));
      return true;
    }
    if (script.fail === 'reset') {
      stream.close(constants.NGHTTP2_INTERNAL_ERROR);
      return true;
    }
    return false;
  }

  private error(stream: ServerHttp2Stream, status: number, type: string, message: string): void {
    if (stream.destroyed || stream.closed) return;
    stream.respond({
      ':status': status,
      'content-type': 'application/json',
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      'x-amzn-requestid': randomUUID(),
    });
    stream.end(JSON.stringify({ message }));
  }
}

function validate(body: ConverseStreamBody): string | undefined {
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return 'messages: at least one message is required';
  }
  if (body.messages[0].role !== 'user') {
    return 'messages: a conversation must start with a user message';
  }
  for (const message of body.messages) {
    if (!Array.isArray(message.content) || message.content.length === 0) {
      return 'messages.content: at least one content block is required';
    }
  }
  const maxTokens = body.inferenceConfig?.maxTokens;
  if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || maxTokens < 1)) {
    return 'inferenceConfig.maxTokens: must be a positive integer';
  }
  return undefined;
}
