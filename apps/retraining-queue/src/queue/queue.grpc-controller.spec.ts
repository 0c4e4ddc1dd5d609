import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import {
  type ListItemsRequestSchema,
  type ListItemsResponse,
  Locale,
  Rating,
  RetrainingQueueService,
} from '@mangaassist/contracts';
import { SqliteEventLog } from '@mangaassist/event-bus';
import {
  type GrpcClientHandle,
  createGrpcClient,
  createHealthClient,
  isServing,
  startGrpcService,
} from '@mangaassist/grpc';
import { freePort } from '@mangaassist/testing';
import type { INestMicroservice } from '@nestjs/common';
import { AppModule } from '../app/app.module';
import { loadRetrainingQueueConfig } from '../app/retraining-queue.config';
import {
  englishTrace,
  feedbackEvent,
  feedbackOn,
  japaneseTrace,
  traceEvent,
  traceIdOf,
} from '../testing/event-fixtures';

type Request = MessageInitShape<typeof ListItemsRequestSchema>;

describe('RetrainingQueueService over gRPC', () => {
  let dir: string;
  let producer: SqliteEventLog;
  let app: INestMicroservice;
  let address: string;
  let client: GrpcClientHandle<typeof RetrainingQueueService>;
  const japanese = traceIdOf(1);
  const english = traceIdOf(2);

  async function listUntil(
    request: Request,
    done: (reply: ListItemsResponse) => boolean,
  ): Promise<ListItemsResponse> {
    const started = Date.now();
    for (;;) {
      const reply = await client.rpc.listItems(request);
      if (done(reply)) return reply;
      if (Date.now() - started > 5000) throw new Error('queue did not reach the expected state');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'retraining-contract-'));
    const eventLogPath = join(dir, 'events.db');
    producer = new SqliteEventLog(eventLogPath);
    // Published before the service starts: a new consumer group must still see them.
    await producer.publish([
      traceEvent(japaneseTrace(japanese)),
      feedbackEvent(feedbackOn(japanese, Rating.DOWN, { comment: '発売日が間違っています' })),
    ]);
    const port = await freePort();
    const config = loadRetrainingQueueConfig({
      RETRAINING_QUEUE_PORT: String(port),
      EVENT_LOG_PATH: eventLogPath,
      RETRAINING_DB_PATH: join(dir, 'retraining.db'),
      LOG_FORMAT: 'json',
    });
    app = await startGrpcService({
      name: 'retraining-queue',
      module: AppModule.forConfig(config),
      services: [RetrainingQueueService],
      host: config.RETRAINING_QUEUE_HOST,
      port,
      logFormat: config.LOG_FORMAT,
    });
    address = `127.0.0.1:${port}`;
    client = createGrpcClient(RetrainingQueueService, { address, defaultDeadlineMs: 5000 });
  });

  afterAll(async () => {
    client.close();
    await app.close();
    await producer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports SERVING once the consumer runs', async () => {
    const health = createHealthClient(address);
    await expect(isServing(health, RetrainingQueueService.typeName)).resolves.toBe(true);
    health.close();
  });

  it('lists a Japanese turn joined with its thumbs-down', async () => {
    const reply = await listUntil({ traceId: japanese }, (r) => r.items.length === 1);
    const [item] = reply.items;
    expect(item.trace?.locale).toBe(Locale.JA);
    expect(item.trace?.userText).toBe('呪術廻戦の次の巻はいつ発売ですか？');
    expect(item.feedback.map((f) => [f.rating, f.comment])).toEqual([
      [Rating.DOWN, '発売日が間違っています'],
    ]);
    expect(item.updatedAt).toBeDefined();
  });

  it('lists English feedback first and its trace once the trace arrives', async () => {
    await producer.publish([
      feedbackEvent(feedbackOn(english, Rating.UP, { comment: 'Accurate price, thanks' })),
    ]);
    const early = await listUntil({ traceId: english }, (r) => r.items.length === 1);
    expect(early.items[0].trace).toBeUndefined();

    await producer.publish([traceEvent(englishTrace(english))]);
    const joined = await listUntil({ traceId: english }, (r) => r.items[0]?.trace !== undefined);
    expect(joined.items[0].trace?.userText).toBe('How much is One Piece volume 107?');
    expect(joined.items[0].feedback[0].comment).toBe('Accurate price, thanks');
  });

  it('filters thumbs-downs and pages with a token', async () => {
    await listUntil({}, (r) => r.items.length === 2 && r.items.every((i) => i.trace));
    const negative = await client.rpc.listItems({ onlyNegative: true });
    expect(negative.items.map((i) => i.traceId)).toEqual([japanese]);

    const first = await client.rpc.listItems({ pageSize: 1 });
    expect(first.items.map((i) => i.traceId)).toEqual([japanese]);
    const second = await client.rpc.listItems({ pageSize: 1, pageToken: first.nextPageToken });
    expect(second.items.map((i) => i.traceId)).toEqual([english]);
    expect(second.nextPageToken).toBe('');

    const future = await client.rpc.listItems({ since: timestampFromMs(Date.now() + 60_000) });
    expect(future.items).toEqual([]);
  });

  it.each<[string, Request, RegExp]>([
    ['page_size 501', { pageSize: 501 }, /page_size: must be at most 500/],
    ['a forged page token', { pageToken: 'bm90LWEtdG9rZW4' }, /page_token: not a token/],
    ['a malformed trace id', { traceId: 'ABC' }, /trace_id: must be 32 lowercase hex/],
  ])('answers INVALID_ARGUMENT for %s', async (_name, request, message) => {
    await expect(client.rpc.listItems(request)).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringMatching(message),
    });
  });
});
