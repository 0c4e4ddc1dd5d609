import type { DescMessage, DescMethod, DescService } from '@bufbuild/protobuf';
import { create, fromBinary, isMessage, toBinary } from '@bufbuild/protobuf';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';

/** What grpc-js's loadPackageDefinition takes: service definitions by full type name. */
export type PackageDefinition = Record<string, ServiceDefinition>;

/**
 * Serializes with the method's protobuf-es schema. Handlers may return a plain init object
 * instead of a created message, so it is completed with `create` first.
 */
export function serializerFor(schema: DescMessage): (value: unknown) => Buffer {
  return (value) => {
    const message = isMessage(value, schema)
      ? value
      : create(schema, (value ?? {}) as Record<string, unknown>);
    return Buffer.from(toBinary(schema, message));
  };
}

export function deserializerFor(schema: DescMessage): (bytes: Buffer) => unknown {
  return (bytes) => fromBinary(schema, bytes);
}

export function methodPath(method: DescMethod): string {
  return `/${method.parent.typeName}/${method.name}`;
}

function methodDefinition(method: DescMethod): MethodDefinition<unknown, unknown> {
  return {
    path: methodPath(method),
    requestStream:
      method.methodKind === 'client_streaming' || method.methodKind === 'bidi_streaming',
    responseStream:
      method.methodKind === 'server_streaming' || method.methodKind === 'bidi_streaming',
    requestSerialize: serializerFor(method.input),
    requestDeserialize: deserializerFor(method.input),
    responseSerialize: serializerFor(method.output),
    responseDeserialize: deserializerFor(method.output),
    originalName: method.localName,
  };
}

/** A grpc-js service definition built from a generated descriptor, keyed by rpc name. */
export function grpcServiceDefinition(service: DescService): ServiceDefinition {
  const definition: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const method of service.methods) {
    definition[method.name] = methodDefinition(method);
  }
  return definition as ServiceDefinition;
}

/**
 * A package definition as @grpc/proto-loader would produce it, but from the generated
 * descriptors: NestJS's gRPC transport takes it through `options.packageDefinition`, so no
 * .proto file is read at run time.
 */
export function grpcPackageDefinition(services: readonly DescService[]): PackageDefinition {
  const definition: PackageDefinition = {};
  for (const service of services) {
    definition[service.typeName] = grpcServiceDefinition(service);
  }
  return definition;
}

/** The proto package of a service: mangaassist.intent.v1 for mangaassist.intent.v1.IntentService. */
export function packageOf(service: DescService): string {
  return service.typeName.slice(0, service.typeName.lastIndexOf('.'));
}
