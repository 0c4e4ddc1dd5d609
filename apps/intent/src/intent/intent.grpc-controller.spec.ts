import { status } from '@grpc/grpc-js';
import {
  Format,
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
  Intent,
  IntentService,
  Locale,
  Route,
} from '@mangaassist/contracts';
import { createGrpcClient, startGrpcService, type GrpcClientHandle } from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { INestMicroservice } from '@nestjs/common';
import { AppModule } from '../app/app.module';
import { loadIntentConfig } from '../app/intent.config';
import { FIXTURE_DEV_PATH, FIXTURE_TRAIN_PATH } from '../classifier/fixtures/fixture-examples';

describe('IntentService over gRPC', () => {
  let app: INestMicroservice;
  let client: GrpcClientHandle<typeof IntentService>;
  let address: string;

  beforeAll(async () => {
    const port = await freePort();
    address = `127.0.0.1:${port}`;
    const config = loadIntentConfig({
      INTENT_PORT: String(port),
      // The contract does not depend on the model: a small one trained at start keeps it quick.
      INTENT_TRAIN_AT_START: 'true',
      INTENT_TRAIN_PATH: FIXTURE_TRAIN_PATH,
      INTENT_DEV_PATH: FIXTURE_DEV_PATH,
      LOG_FORMAT: 'json',
    });
    app = await startGrpcService({
      name: 'intent',
      module: AppModule.forConfig(config),
      services: [IntentService],
      host: config.INTENT_HOST,
      port: config.INTENT_PORT,
      logFormat: config.LOG_FORMAT,
    });
    client = createGrpcClient(IntentService, { address, defaultDeadlineMs: 5000 });
  });

  afterAll(async () => {
    client.close();
    await app.close();
  });

  it('reports SERVING once the model is trained', async () => {
    const health = createGrpcClient(Health, { address, defaultDeadlineMs: 2000 });
    const reply = await health.rpc.check({ service: 'mangaassist.intent.v1.IntentService' });
    expect(reply.status).toBe(ServingStatus.SERVING);
    health.close();
  });

  it('classifies a Japanese product question', async () => {
    const reply = await client.rpc.classify({ text: 'ONE PIECEは何巻まで出ていますか？' });
    expect(reply.intent).toBe(Intent.PRODUCT_QUESTION);
    expect(reply.route).toBe(Route.RAG);
    expect(reply.locale).toBe(Locale.JA);
    expect(reply.entities?.titleIds).toContain('MA-0001');
    expect(reply.entities?.titleMention).toBe('ONE PIECE');
    expect(reply.confidence).toBeGreaterThan(0.45);
    expect(reply.confidence).toBeLessThanOrEqual(1);
    expect(reply.modelVersion).toMatch(/^intent-softmax-/);
    expect(reply.alternatives).toHaveLength(3);
  });

  it('classifies an English price question with title, format and volume', async () => {
    const reply = await client.rpc.classify({
      text: 'how much is the kindle version of spy x family vol 3',
      locale: Locale.EN,
    });
    expect(reply.intent).toBe(Intent.AVAILABILITY_PRICE);
    expect(reply.route).toBe(Route.API);
    expect(reply.locale).toBe(Locale.EN);
    expect(reply.entities?.format).toBe(Format.KINDLE);
    expect(reply.entities?.volume).toBe(3);
    expect(reply.entities?.titleIds[0]).toBe('MA-0019');
  });

  it('names the stage-1 rule that decided', async () => {
    const ja = await client.rpc.classify({ text: '人間と話したい' });
    expect(ja).toMatchObject({
      intent: Intent.HUMAN_HANDOFF,
      route: Route.TEMPLATE,
      rule: 'human_handoff_request',
    });
    const en = await client.rpc.classify({ text: 'hi there' });
    expect(en).toMatchObject({ intent: Intent.GREETING_CHITCHAT, rule: 'bare_greeting' });
  });

  it('answers emoji-only text with a low-confidence OUT_OF_SCOPE', async () => {
    const reply = await client.rpc.classify({ text: '🙂🙂🙂' });
    expect(reply.intent).toBe(Intent.OUT_OF_SCOPE);
    expect(reply.confidence).toBeLessThan(0.45);
    expect(reply.route).toBe(Route.CLARIFY);
  });

  it('answers control characters with OUT_OF_SCOPE and mixed scripts with an intent', async () => {
    const control = await client.rpc.classify({ text: '\u0000\u0007\u001b\u007f\t' });
    expect(control).toMatchObject({ intent: Intent.OUT_OF_SCOPE, rule: 'no_text_content' });
    const mixed = await client.rpc.classify({ text: '返品したい, the cover was torn 😢' });
    expect(mixed.intent).toBe(Intent.RETURN_REFUND);
    expect(mixed.locale).toBe(Locale.JA);
  });

  it.each([
    ['empty text', '', 'text: must not be empty'],
    ['whitespace-only text', '   \u3000\n', 'text: must not be empty'],
    [
      '2,001 Japanese characters',
      'あ'.repeat(2001),
      'text: must be at most 2,000 characters (got 2,001)',
    ],
    [
      '10,000 characters',
      'x'.repeat(10_000),
      'text: must be at most 2,000 characters (got 10,000)',
    ],
  ])('rejects %s with INVALID_ARGUMENT', async (_case, text, message) => {
    await expect(client.rpc.classify({ text })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: message,
    });
  });

  it('rejects an unknown locale with INVALID_ARGUMENT', async () => {
    await expect(client.rpc.classify({ text: 'hello', locale: 9 as Locale })).rejects.toMatchObject(
      {
        code: status.INVALID_ARGUMENT,
        details: 'locale: unknown value 9',
      },
    );
  });
});
