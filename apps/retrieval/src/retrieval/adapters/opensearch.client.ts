import { Client, errors } from '@opensearch-project/opensearch';

export interface OpenSearchConnection {
  /** http(s)://host:port; credentials may be given in the URL (https://user:pass@host). */
  url: string;
  /** Per-request timeout; a bulk of 500 documents takes well under a second on one node. */
  requestTimeoutMs?: number;
}

export interface CallOptions {
  body?: unknown;
  /** NDJSON lines for _bulk and _msearch. */
  lines?: unknown[];
  querystring?: Record<string, string | number | boolean>;
  /** Statuses that are answers rather than failures (404 for "no such alias"). */
  allow?: number[];
}

export interface CallResult {
  status: number;
  body: unknown;
}

export class OpenSearchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly type?: string,
  ) {
    super(message);
    this.name = 'OpenSearchError';
  }
}

/**
 * The REST calls the index makes, through the official client's transport (connection
 * pooling, retries, TLS, credentials from the URL) with bodies built by this adapter. Errors
 * come back as OpenSearchError naming the call and OpenSearch's own reason.
 */
export class OpenSearchHttp {
  private readonly client: Client;

  constructor(readonly connection: OpenSearchConnection) {
    let parsed: URL;
    try {
      parsed = new URL(connection.url);
    } catch {
      throw new OpenSearchError(`OpenSearch URL "${connection.url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new OpenSearchError(`OpenSearch URL "${connection.url}" must be http or https`);
    }
    this.client = new Client({
      node: connection.url,
      requestTimeout: connection.requestTimeoutMs ?? 30_000,
      maxRetries: 2,
    });
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    try {
      const response = await this.client.transport.request(
        {
          method,
          path,
          ...(options.body !== undefined ? { body: options.body as Record<string, unknown> } : {}),
          ...(options.lines ? { bulkBody: options.lines as Record<string, unknown>[] } : {}),
          ...(options.querystring ? { querystring: options.querystring } : {}),
        },
        { ignore: options.allow ?? [] },
      );
      return { status: response.statusCode ?? 200, body: response.body };
    } catch (error) {
      throw describe(method, path, this.redactedUrl(), error);
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private redactedUrl(): string {
    const url = new URL(this.connection.url);
    if (url.password) url.password = '***';
    return url.origin;
  }
}

function describe(method: string, path: string, url: string, error: unknown): OpenSearchError {
  if (error instanceof errors.ResponseError) {
    const body = error.meta.body as { error?: { type?: string; reason?: string } | string };
    const detail =
      typeof body?.error === 'string'
        ? body.error
        : [body?.error?.type, body?.error?.reason].filter(Boolean).join(': ');
    const type = typeof body?.error === 'object' ? body.error.type : undefined;
    return new OpenSearchError(
      `OpenSearch ${method} ${path} failed (${error.meta.statusCode}): ${detail || error.message}`,
      error.meta.statusCode ?? undefined,
      type,
    );
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError) {
    return new OpenSearchError(`OpenSearch at ${url} is unreachable: ${error.message}`);
  }
  return new OpenSearchError(
    `OpenSearch ${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}
