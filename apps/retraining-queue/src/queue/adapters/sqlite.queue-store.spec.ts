import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { timestampMs } from '@bufbuild/protobuf/wkt';
import { Locale, type QueueItem, Rating } from '@mangaassist/contracts';
import { englishTrace, feedbackOn, japaneseTrace, traceIdOf } from '../../testing/event-fixtures';
import type { ItemQuery } from '../queue-store';
import { SqliteQueueStore } from './sqlite.queue-store';

const ALL: ItemQuery = { onlyNegative: false, limit: 100 };

function updatedAtMs(item: QueueItem): number {
  if (!item.updatedAt) throw new Error(`item ${item.traceId} has no updated_at`);
  return timestampMs(item.updatedAt);
}

describe('SqliteQueueStore', () => {
  let dir: string;
  let path: string;
  let now: number;
  let store: SqliteQueueStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retraining-store-'));
    path = join(dir, 'retraining.db');
    now = Date.UTC(2025, 3, 1, 10, 0);
    store = new SqliteQueueStore(path, { clock: () => now });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function tick(ms = 1000): void {
    now += ms;
  }

  describe('joining traces and feedback by trace id', () => {
    it('attaches feedback to a trace that arrived first (Japanese turn)', async () => {
      const id = traceIdOf(1);
      await store.recordTrace(japaneseTrace(id));
      expect(await store.listItems(ALL)).toEqual([]);
      tick();
      await store.recordFeedback(feedbackOn(id, Rating.DOWN, { comment: '発売日が違います' }));

      const [item] = await store.listItems(ALL);
      expect(item.traceId).toBe(id);
      expect(item.trace?.userText).toBe('呪術廻戦の次の巻はいつ発売ですか？');
      expect(item.trace?.locale).toBe(Locale.JA);
      expect(item.feedback.map((f) => f.comment)).toEqual(['発売日が違います']);
      expect(updatedAtMs(item)).toBe(now);
    });

    it('keeps feedback that arrived before its trace and attaches the trace later (English turn)', async () => {
      const id = traceIdOf(2);
      await store.recordFeedback(feedbackOn(id, Rating.DOWN, { comment: 'Wrong price' }));
      let [item] = await store.listItems(ALL);
      expect(item.trace).toBeUndefined();
      expect(item.feedback).toHaveLength(1);
      const before = updatedAtMs(item);

      tick();
      await store.recordTrace(englishTrace(id));
      [item] = await store.listItems(ALL);
      expect(item.trace?.userText).toBe('How much is One Piece volume 107?');
      expect(item.feedback.map((f) => f.comment)).toEqual(['Wrong price']);
      expect(updatedAtMs(item)).toBe(now);
      expect(now).toBeGreaterThan(before);
    });

    it('lists a trace only once it has feedback', async () => {
      await store.recordTrace(japaneseTrace(traceIdOf(3)));
      await store.recordTrace(englishTrace(traceIdOf(4)));
      expect(await store.listItems(ALL)).toEqual([]);
    });

    it('keeps every rating of a turn in arrival order', async () => {
      const id = traceIdOf(5);
      await store.recordFeedback(feedbackOn(id, Rating.UP, { comment: 'first' }));
      tick();
      await store.recordFeedback(feedbackOn(id, Rating.DOWN, { comment: '二番目' }));
      tick();
      await store.recordFeedback(feedbackOn(id, Rating.UP, { comment: 'third' }));
      const [item] = await store.listItems(ALL);
      expect(item.feedback.map((f) => f.comment)).toEqual(['first', '二番目', 'third']);
      expect(await store.listItems({ ...ALL, onlyNegative: true })).toHaveLength(1);
    });

    it('keeps the first trace when a second event claims the same trace id', async () => {
      const id = traceIdOf(6);
      await store.recordFeedback(feedbackOn(id, Rating.UP));
      await store.recordTrace(japaneseTrace(id));
      await expect(
        store.recordTrace(englishTrace(id, { eventId: 'another-event-id' })),
      ).resolves.toBe('stored');
      const [item] = await store.listItems(ALL);
      expect(item.trace?.locale).toBe(Locale.JA);
    });
  });

  describe('exactly once', () => {
    it('recognises a redelivered feedback event and stores it once', async () => {
      const feedback = feedbackOn(traceIdOf(7), Rating.DOWN, { comment: 'duplicate me' });
      await expect(store.recordFeedback(feedback)).resolves.toBe('stored');
      tick();
      await expect(store.recordFeedback(feedback)).resolves.toBe('duplicate');
      const [item] = await store.listItems(ALL);
      expect(item.feedback).toHaveLength(1);
      // A duplicate is not a change.
      expect(updatedAtMs(item)).toBe(now - 1000);
    });

    it('recognises a redelivered trace event', async () => {
      const trace = japaneseTrace(traceIdOf(8));
      await expect(store.recordTrace(trace)).resolves.toBe('stored');
      await expect(store.recordTrace(trace)).resolves.toBe('duplicate');
    });

    it('remembers processed events across a restart', async () => {
      const feedback = feedbackOn(traceIdOf(9), Rating.UP);
      await store.recordFeedback(feedback);
      await store.close();
      store = new SqliteQueueStore(path, { clock: () => now });
      await expect(store.recordFeedback(feedback)).resolves.toBe('duplicate');
      expect((await store.listItems(ALL))[0].feedback).toHaveLength(1);
    });

    it('writes the event and its dedupe mark in one transaction: a failure leaves neither', async () => {
      const feedback = feedbackOn(traceIdOf(10), Rating.DOWN);
      // A second connection makes the last statement of the write fail, as a crash would.
      const saboteur = new DatabaseSync(path);
      saboteur.exec(`CREATE TRIGGER fail_items BEFORE INSERT ON items
        BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);

      await expect(store.recordFeedback(feedback)).rejects.toThrow(/disk gone/);
      const count = (table: string) =>
        (saboteur.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('processed_events')).toBe(0);
      expect(count('feedback')).toBe(0);

      saboteur.exec('DROP TRIGGER fail_items');
      saboteur.close();
      await expect(store.recordFeedback(feedback)).resolves.toBe('stored');
      expect((await store.listItems(ALL))[0].feedback).toHaveLength(1);
    });

    it('rolls back a trace write whose item update fails', async () => {
      const id = traceIdOf(11);
      await store.recordFeedback(feedbackOn(id, Rating.DOWN));
      const saboteur = new DatabaseSync(path);
      saboteur.exec(`CREATE TRIGGER fail_update BEFORE UPDATE ON items
        BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);

      await expect(store.recordTrace(japaneseTrace(id))).rejects.toThrow(/disk gone/);
      expect((saboteur.prepare('SELECT COUNT(*) AS n FROM traces').get() as { n: number }).n).toBe(
        0,
      );

      saboteur.exec('DROP TRIGGER fail_update');
      saboteur.close();
      await expect(store.recordTrace(japaneseTrace(id))).resolves.toBe('stored');
      expect((await store.listItems(ALL))[0].trace?.traceId).toBe(id);
    });

    it('dedupes per kind, so a trace and a feedback sharing an event id both count', async () => {
      const id = traceIdOf(12);
      await store.recordTrace(japaneseTrace(id, { eventId: 'same-id' }));
      await expect(
        store.recordFeedback(feedbackOn(id, Rating.UP, { eventId: 'same-id' })),
      ).resolves.toBe('stored');
    });
  });

  describe('read-only', () => {
    it('lists what the writer stored, while it runs, and refuses writes', async () => {
      const id = traceIdOf(301);
      await store.recordTrace(japaneseTrace(id));
      await store.recordFeedback(feedbackOn(id, Rating.DOWN, { comment: '読み取り専用' }));
      const reader = new SqliteQueueStore(path, { readOnly: true });
      try {
        const [item] = await reader.listItems(ALL);
        expect(item.feedback[0].comment).toBe('読み取り専用');
        await expect(reader.recordFeedback(feedbackOn(id, Rating.UP))).rejects.toThrow(/readonly/);
      } finally {
        await reader.close();
      }
    });

    it('refuses a file that is not a queue store instead of adding tables to it', () => {
      const other = join(dir, 'events.db');
      const db = new DatabaseSync(other);
      db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY)');
      db.close();
      expect(() => new SqliteQueueStore(other, { readOnly: true })).toThrow(
        /events\.db is not a retraining queue store/,
      );
      const check = new DatabaseSync(other);
      const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      check.close();
      expect(tables).toEqual([{ name: 'events' }]);
    });
  });

  describe('listing', () => {
    async function seed(): Promise<string[]> {
      const ids = [1, 2, 3, 4].map((n) => traceIdOf(100 + n));
      await store.recordFeedback(feedbackOn(ids[0], Rating.UP)); // t0
      tick();
      await store.recordFeedback(feedbackOn(ids[1], Rating.DOWN)); // t1
      tick();
      await store.recordFeedback(feedbackOn(ids[2], Rating.UP)); // t2
      tick();
      await store.recordFeedback(feedbackOn(ids[3], Rating.DOWN)); // t3
      return ids;
    }

    it('orders by last update, oldest first, and moves an item when it changes', async () => {
      const ids = await seed();
      tick();
      await store.recordTrace(japaneseTrace(ids[0]));
      expect((await store.listItems(ALL)).map((i) => i.traceId)).toEqual([
        ids[1],
        ids[2],
        ids[3],
        ids[0],
      ]);
    });

    it('filters by trace id, since and only_negative', async () => {
      const ids = await seed();
      const start = now - 3000;
      expect((await store.listItems({ ...ALL, traceId: ids[2] })).map((i) => i.traceId)).toEqual([
        ids[2],
      ]);
      expect((await store.listItems({ ...ALL, traceId: traceIdOf(999) })).length).toBe(0);
      expect(
        (await store.listItems({ ...ALL, sinceMs: start + 1000 })).map((i) => i.traceId),
      ).toEqual([ids[1], ids[2], ids[3]]);
      expect((await store.listItems({ ...ALL, onlyNegative: true })).map((i) => i.traceId)).toEqual(
        [ids[1], ids[3]],
      );
      expect(
        (await store.listItems({ ...ALL, onlyNegative: true, sinceMs: start + 2000 })).map(
          (i) => i.traceId,
        ),
      ).toEqual([ids[3]]);
    });

    it('continues after a cursor and respects the limit', async () => {
      const ids = await seed();
      const first = await store.listItems({ ...ALL, limit: 2 });
      expect(first.map((i) => i.traceId)).toEqual([ids[0], ids[1]]);
      const last = first[1];
      const rest = await store.listItems({
        ...ALL,
        after: { updatedAtMs: updatedAtMs(last), traceId: last.traceId },
      });
      expect(rest.map((i) => i.traceId)).toEqual([ids[2], ids[3]]);
    });

    it('gives each change a later updated_at even when the clock stalls or steps back', async () => {
      const a = traceIdOf(201);
      const b = traceIdOf(202);
      await store.recordFeedback(feedbackOn(a, Rating.UP));
      await store.recordFeedback(feedbackOn(b, Rating.UP));
      now -= 60_000;
      await store.recordFeedback(feedbackOn(a, Rating.DOWN));
      const items = await store.listItems(ALL);
      expect(items.map((i) => i.traceId)).toEqual([b, a]);
      const times = items.map(updatedAtMs);
      expect(times[1]).toBeGreaterThan(times[0]);
    });
  });
});
