import type { DescMessage, DescService, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import type { Observable } from 'rxjs';

type Reply<O extends DescMessage> = MessageShape<O> | MessageInitShape<O>;

/**
 * The shape a NestJS gRPC controller implements for a generated service: one method per rpc,
 * named by its protobuf-es local name, taking the decoded request message. Unary rpcs return
 * the reply (or a promise of it); server-streaming rpcs return an Observable of replies.
 */
export type GrpcServiceImplementation<S extends DescService> = {
  [K in keyof S['method']]: S['method'][K] extends {
    methodKind: 'unary';
    input: infer I extends DescMessage;
    output: infer O extends DescMessage;
  }
    ? (request: MessageShape<I>, ...rest: never[]) => Reply<O> | Promise<Reply<O>>
    : S['method'][K] extends {
          methodKind: 'server_streaming';
          input: infer I extends DescMessage;
          output: infer O extends DescMessage;
        }
      ? (request: MessageShape<I>, ...rest: never[]) => Observable<Reply<O>>
      : never;
};
