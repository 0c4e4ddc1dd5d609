import type {
  DescMessage,
  DescMethod,
  DescService,
  MessageInitShape,
  MessageShape,
} from '@bufbuild/protobuf';
import * as grpc from '@grpc/grpc-js';
import { deserializerFor, methodPath, serializerFor } from './service-definition';

/** Per-call options; every call has a deadline, from here or from the client's default. */
export interface RpcCallOptions {
  deadlineMs?: number;
  /** Aborting cancels the call on the wire (the server sees CANCELLED). */
  signal?: AbortSignal;
  /** Extra request metadata such as the W3C traceparent. */
  metadata?: Record<string, string>;
}

export type GrpcClient<S extends DescService> = {
  [K in keyof S['method']]: S['method'][K] extends {
    methodKind: 'unary';
    input: infer I extends DescMessage;
    output: infer O extends DescMessage;
  }
    ? (request: MessageInitShape<I>, options?: RpcCallOptions) => Promise<MessageShape<O>>
    : S['method'][K] extends {
          methodKind: 'server_streaming';
          input: infer I extends DescMessage;
          output: infer O extends DescMessage;
        }
      ? (request: MessageInitShape<I>, options?: RpcCallOptions) => AsyncIterable<MessageShape<O>>
      : never;
};

export interface GrpcClientOptions {
  /** host:port of the server. */
  address: string;
  /** Deadline of calls that do not set their own. */
  defaultDeadlineMs: number;
  channelOptions?: grpc.ChannelOptions;
}

export interface GrpcClientHandle<S extends DescService> {
  rpc: GrpcClient<S>;
  /** The underlying channel, for waitForReady and shutdown. */
  channel: grpc.Client;
  close(): void;
}

/**
 * A typed client for a generated service over plaintext HTTP/2 (in-cluster traffic; mTLS is
 * the mesh's job). Messages are protobuf-es messages on both ends.
 */
export function createGrpcClient<S extends DescService>(
  service: S,
  options: GrpcClientOptions,
): GrpcClientHandle<S> {
  const channel = new grpc.Client(options.address, grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
    ...options.channelOptions,
  });
  const rpc: Record<string, unknown> = {};
  for (const method of service.methods) {
    rpc[method.localName] =
      method.methodKind === 'server_streaming'
        ? serverStreamingCall(channel, method, options.defaultDeadlineMs)
        : unaryCall(channel, method, options.defaultDeadlineMs);
  }
  return { rpc: rpc as GrpcClient<S>, channel, close: () => channel.close() };
}

function callSetup(options: RpcCallOptions | undefined, defaultDeadlineMs: number) {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(options?.metadata ?? {})) metadata.set(key, value);
  const deadline = Date.now() + (options?.deadlineMs ?? defaultDeadlineMs);
  return { metadata, callOptions: { deadline } satisfies grpc.CallOptions };
}

function unaryCall(channel: grpc.Client, method: DescMethod, defaultDeadlineMs: number) {
  const serialize = serializerFor(method.input);
  const deserialize = deserializerFor(method.output);
  const path = methodPath(method);
  return (request: unknown, options?: RpcCallOptions): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const { metadata, callOptions } = callSetup(options, defaultDeadlineMs);
      if (options?.signal?.aborted) {
        reject(cancelledError(path));
        return;
      }
      const call = channel.makeUnaryRequest(
        path,
        serialize,
        deserialize,
        request,
        metadata,
        callOptions,
        (error, response) => (error ? reject(error) : resolve(response)),
      );
      options?.signal?.addEventListener('abort', () => call.cancel(), { once: true });
    });
}

function serverStreamingCall(channel: grpc.Client, method: DescMethod, defaultDeadlineMs: number) {
  const serialize = serializerFor(method.input);
  const deserialize = deserializerFor(method.output);
  const path = methodPath(method);
  return (request: unknown, options?: RpcCallOptions): AsyncIterable<unknown> => ({
    async *[Symbol.asyncIterator]() {
      const { metadata, callOptions } = callSetup(options, defaultDeadlineMs);
      if (options?.signal?.aborted) throw cancelledError(path);
      const call = channel.makeServerStreamRequest(
        path,
        serialize,
        deserialize,
        request,
        metadata,
        callOptions,
      );
      const onAbort = () => call.cancel();
      options?.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        for await (const message of call) yield message;
      } finally {
        options?.signal?.removeEventListener('abort', onAbort);
        // A consumer that stops early must not leave the stream open on the server.
        call.cancel();
      }
    },
  });
}

function cancelledError(path: string): grpc.ServiceError {
  return Object.assign(new Error(`${path} cancelled before it started`), {
    code: grpc.status.CANCELLED,
    details: 'cancelled',
    metadata: new grpc.Metadata(),
  });
}

/** True when a thrown value is a gRPC error with one of the given status codes. */
export function isGrpcError(error: unknown, ...codes: grpc.status[]): error is grpc.ServiceError {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return typeof code === 'number' && (codes.length === 0 || codes.includes(code));
}
