import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { status } from '@grpc/grpc-js';
import { type ListItemsRequest, ListItemsRequestSchema, Rating } from '@mangaassist/contracts';
import { RpcException } from '@nestjs/microservices';
import { feedbackOn, japaneseTrace, traceIdOf } from '../testing/event-fixtures';
import { SqliteQueueStore } from './adapters/sqlite.queue-store';
import { QueueService } from './queue.service';

type Fields = Partial<Omit<ListItemsRequest, '$typeName' | '$unknown'>>;

const START = Date.UTC(2025, 3, 1, 10, 0);

describe('QueueService.listItems', () => {
  let now: number;
  let store: SqliteQueueStore;
  let service: QueueService;

  beforeEach(() => {
    now = START;
    store = new SqliteQueueStore(':memory:', { clock: () => now });
    service = new QueueService(store);
  });

  afterEach(async () => {
    await store.close();
  });

  /** n items, one second apart, every third one a thumbs-down. */
  async function seed(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = traceIdOf(i + 1);
      ids.push(id);
      await store.recordTrace(japaneseTrace(id));
      await store.recordFeedback(feedbackOn(id, i % 3 === 0 ? Rating.DOWN : Rating.UP));
      now += 1000;
    }
    return ids;
  }

  function list(fields: Fields = {}) {
    return service.listItems(create(ListItemsRequestSchema, fields));
  }

  async function listAll(fields: Fields): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let pageToken = fields.pageToken ?? '';
    let pages = 0;
    do {
      const page = await list({ ...fields, pageToken });
      ids.push(...page.items.map((i) => i.traceId));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken !== '');
    return { ids, pages };
  }

  it('pages through every item exactly once, oldest first', async () => {
    const ids = await seed(7);
    const { ids: listed, pages } = await listAll({ pageSize: 3 });
    expect(listed).toEqual(ids);
    expect(pages).toBe(3);
  });

  it('ends with an empty token when the last page is exactly full', async () => {
    await seed(4);
    const first = await list({ pageSize: 2 });
    const second = await list({ pageSize: 2, pageToken: first.nextPageToken });
    expect(second.items).toHaveLength(2);
    expect(second.nextPageToken).toBe('');
  });

  it('uses 100 items for page_size 0', async () => {
    await seed(101);
    const page = await list();
    expect(page.items).toHaveLength(100);
    expect(page.nextPageToken).not.toBe('');
  });

  it('combines only_negative and since with paging', async () => {
    const ids = await seed(10);
    const negatives = ids.filter((_, i) => i % 3 === 0);
    expect((await listAll({ onlyNegative: true, pageSize: 1 })).ids).toEqual(negatives);
    expect(
      (await listAll({ onlyNegative: true, since: timestampFromMs(START + 3000), pageSize: 2 }))
        .ids,
    ).toEqual(negatives.slice(1));
  });

  it('returns the one item of a trace id, with its trace and feedback', async () => {
    const ids = await seed(3);
    const page = await list({ traceId: ids[1] });
    expect(page.items).toHaveLength(1);
    expect(page.items[0].trace?.answer).toBe('次の巻は2025年5月2日発売予定です。');
    expect(page.items[0].feedback[0].rating).toBe(Rating.UP);
    expect(page.nextPageToken).toBe('');
  });

  it('shows an item again on a later page when it changed while paging', async () => {
    const ids = await seed(3);
    const first = await list({ pageSize: 2 });
    await store.recordFeedback(feedbackOn(ids[0], Rating.DOWN, { comment: 'changed my mind' }));
    const rest = await listAll({ pageSize: 2, pageToken: first.nextPageToken });
    expect(rest.ids).toEqual([ids[2], ids[0]]);
  });

  it('refuses page_size 501 and a forged token with INVALID_ARGUMENT', async () => {
    for (const fields of [{ pageSize: 501 }, { pageToken: 'forged' }]) {
      const error = await list(fields).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RpcException);
      expect(((error as RpcException).getError() as { code: number }).code).toBe(
        status.INVALID_ARGUMENT,
      );
    }
  });
});
