import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';

/** A gRPC INVALID_ARGUMENT error whose message tells the caller what to fix. */
export function invalidArgument(message: string): RpcException {
  return new RpcException({ code: status.INVALID_ARGUMENT, message });
}

export function failedPrecondition(message: string): RpcException {
  return new RpcException({ code: status.FAILED_PRECONDITION, message });
}

export function unavailable(message: string): RpcException {
  return new RpcException({ code: status.UNAVAILABLE, message });
}
