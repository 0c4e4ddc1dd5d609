import type { Metadata } from '@grpc/grpc-js';
import { create } from '@bufbuild/protobuf';
import {
  GuardrailsService,
  type RedactRequest,
  type RedactResponse,
  RedactResponseSchema,
} from '@mangaassist/contracts';
import { startGrpcService } from '@mangaassist/grpc';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /0\d{1,4}-\d{1,4}-\d{3,4}/g;

/** What the fake saw, so tests can assert what feedback sent to guardrails. */
export interface FakeGuardrailsCalls {
  texts: string[];
  traceparents: (string | undefined)[];
}

/**
 * A real gRPC server speaking guardrails' Redact contract, for tests of services that call it
 * before the guardrails service itself runs in the test. It redacts e-mail addresses and
 * Japanese phone numbers the way guardrails does ([EMAIL], [PHONE]) and leaves the rest as is.
 */
export async function startFakeGuardrails(
  port: number,
): Promise<{ app: INestMicroservice; calls: FakeGuardrailsCalls }> {
  const calls: FakeGuardrailsCalls = { texts: [], traceparents: [] };

  @Controller()
  class FakeRedactController {
    @GrpcMethod('GuardrailsService', 'Redact')
    redact(request: RedactRequest, metadata?: Metadata): RedactResponse {
      calls.texts.push(request.text);
      const traceparent = metadata?.get('traceparent')[0];
      calls.traceparents.push(typeof traceparent === 'string' ? traceparent : undefined);
      return create(RedactResponseSchema, {
        redactedText: request.text.replace(EMAIL, '[EMAIL]').replace(PHONE, '[PHONE]'),
      });
    }
  }

  @Module({ controllers: [FakeRedactController] })
  class FakeGuardrailsModule {}

  const app = await startGrpcService({
    name: 'fake-guardrails',
    module: FakeGuardrailsModule,
    services: [GuardrailsService],
    host: '127.0.0.1',
    port,
    logFormat: 'json',
  });
  return { app, calls };
}
