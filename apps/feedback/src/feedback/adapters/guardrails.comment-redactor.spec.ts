import { status } from '@grpc/grpc-js';
import { isGrpcError } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { INestMicroservice } from '@nestjs/common';
import {
  type FakeGuardrailsCalls,
  startFakeGuardrails,
} from '../../testing/fake-guardrails.server';
import { GuardrailsCommentRedactor } from './guardrails.comment-redactor';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('GuardrailsCommentRedactor', () => {
  let guardrails: INestMicroservice;
  let calls: FakeGuardrailsCalls;
  let redactor: GuardrailsCommentRedactor;

  beforeAll(async () => {
    const port = await freePort();
    ({ app: guardrails, calls } = await startFakeGuardrails(port));
    redactor = new GuardrailsCommentRedactor({
      address: `127.0.0.1:${port}`,
      deadlineMs: 2000,
    });
  });

  afterAll(async () => {
    redactor.onApplicationShutdown();
    await guardrails.close();
  });

  it('returns the redacted text of a Japanese comment', async () => {
    await expect(redactor.redact('電話番号は 090-1234-5678 です')).resolves.toBe(
      '電話番号は [PHONE] です',
    );
  });

  it('returns the redacted text of an English comment and passes the traceparent', async () => {
    await expect(
      redactor.redact('Wrong volume, write to bob@example.com', { traceparent: TRACEPARENT }),
    ).resolves.toBe('Wrong volume, write to [EMAIL]');
    expect(calls.traceparents.at(-1)).toBe(TRACEPARENT);
  });

  it('rejects with a gRPC error when no guardrails server listens at the address', async () => {
    const nowhere = new GuardrailsCommentRedactor({
      address: `127.0.0.1:${await freePort()}`,
      deadlineMs: 500,
    });
    const started = Date.now();
    const error = await nowhere.redact('test').catch((e: unknown) => e);
    nowhere.onApplicationShutdown();
    expect(isGrpcError(error, status.UNAVAILABLE, status.DEADLINE_EXCEEDED)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
