import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rating } from '@mangaassist/contracts';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import { englishTrace, feedbackOn, japaneseTrace, traceIdOf } from '../testing/event-fixtures';
import { CheckpointConflictError } from './archive-store';
import { LocalDirArchiveStore } from './adapters/local-dir.archive-store';
import { S3ArchiveStore } from './adapters/s3.archive-store';
import { EXPORT_SCHEMA_VERSION } from './parquet-columns';
import { QueueArchiver, type QueueArchiverOptions } from './queue-archiver';
import { FakeS3Bucket } from './testing/fake-s3-bucket';
import { readParquet } from './testing/parquet-rows';

const PREFIX = 'retraining-queue/';
const CHECKPOINT = `${PREFIX}_checkpoint.json`;
const APRIL_1 = Date.UTC(2025, 3, 1, 23, 59, 58);

describe('QueueArchiver', () => {
  let dir: string;
  let now: number;
  let store: SqliteQueueStore;
  let bucket: FakeS3Bucket;
  let ids: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'retraining-archiver-'));
    now = APRIL_1;
    store = new SqliteQueueStore(join(dir, 'retraining.db'), { clock: () => now });
    bucket = new FakeS3Bucket('mangaassist-retraining');
    ids = 0;
  });

  afterEach(async () => {
    bucket.restore();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function archiver(options: QueueArchiverOptions = {}): QueueArchiver {
    const archive = new S3ArchiveStore(bucket.client, { bucket: bucket.bucket, prefix: PREFIX });
    return new QueueArchiver(store, archive, {
      newObjectId: () => `id${++ids}`,
      clock: () => now,
      ...options,
    });
  }

  /** Rated turns one second apart: two on April 1st, the rest on April 2nd (UTC). */
  async function rate(count: number, first = 1): Promise<string[]> {
    const traceIds: string[] = [];
    for (let n = first; n < first + count; n++) {
      const id = traceIdOf(n);
      await store.recordTrace(n % 2 ? japaneseTrace(id) : englishTrace(id));
      await store.recordFeedback(
        feedbackOn(id, n % 3 ? Rating.DOWN : Rating.UP, { comment: `${n}番目: 違います` }),
      );
      traceIds.push(id);
      now += 1000;
    }
    return traceIds;
  }

  async function parquetAt(key: string) {
    const stored = bucket.objects.get(key);
    if (!stored) throw new Error(`no object ${key}`);
    expect(stored.contentType).toBe('application/vnd.apache.parquet');
    return readParquet(stored.body);
  }

  function checkpoint(): { after: { trace_id: string; updated_at: string }; last_object: string } {
    const stored = bucket.objects.get(CHECKPOINT);
    if (!stored) throw new Error('no checkpoint');
    return JSON.parse(new TextDecoder().decode(stored.body));
  }

  it('writes valid Parquet objects under date partitions and checkpoints after each', async () => {
    const traceIds = await rate(5);
    const run = await archiver().archiveOnce();

    expect(run.items).toBe(5);
    expect(run.objects).toEqual([
      'dt=2025-04-01/part-id1.parquet',
      'dt=2025-04-02/part-id2.parquet',
    ]);
    // Each object is stored before the checkpoint that covers it.
    expect(bucket.puts().map((p) => p.Key)).toEqual([
      `${PREFIX}dt=2025-04-01/part-id1.parquet`,
      CHECKPOINT,
      `${PREFIX}dt=2025-04-02/part-id2.parquet`,
      CHECKPOINT,
    ]);

    const first = await parquetAt(`${PREFIX}dt=2025-04-01/part-id1.parquet`);
    expect(first.rows.map((r) => r['trace_id'])).toEqual(traceIds.slice(0, 2));
    expect(first.metadata.key_value_metadata).toContainEqual({
      key: 'mangaassist.schema',
      value: EXPORT_SCHEMA_VERSION,
    });
    expect(first.rows[0]).toMatchObject({
      user_text: '呪術廻戦の次の巻はいつ発売ですか？',
      locale: 'ja',
      updated_at: '2025-04-01T23:59:58.000Z',
      feedback: [expect.objectContaining({ rating: 'down', comment: '1番目: 違います' })],
    });
    const second = await parquetAt(`${PREFIX}dt=2025-04-02/part-id2.parquet`);
    expect(second.rows.map((r) => r['trace_id'])).toEqual(traceIds.slice(2));
    expect(second.rows[1]['user_text']).toBe('How much is One Piece volume 107?');

    expect(checkpoint()).toMatchObject({
      after: { trace_id: traceIds[4], updated_at: '2025-04-02T00:00:02.000Z' },
      last_object: 'dt=2025-04-02/part-id2.parquet',
    });
  });

  it('splits a partition into objects of at most rowsPerObject rows', async () => {
    now = Date.UTC(2025, 3, 3, 9, 0);
    await rate(5);
    const run = await archiver({ rowsPerObject: 2, pageSize: 3 }).archiveOnce();
    expect(run.objects).toEqual([
      'dt=2025-04-03/part-id1.parquet',
      'dt=2025-04-03/part-id2.parquet',
      'dt=2025-04-03/part-id3.parquet',
    ]);
    const sizes = await Promise.all(
      run.objects.map(async (key) => (await parquetAt(PREFIX + key)).rows.length),
    );
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('continues after its checkpoint: unchanged items are not copied again, changed ones are', async () => {
    const traceIds = await rate(3);
    await archiver().archiveOnce();
    const putsAfterFirst = bucket.puts().length;

    expect(await archiver().archiveOnce()).toMatchObject({ items: 0, objects: [] });
    expect(bucket.puts()).toHaveLength(putsAfterFirst);

    // A second rating on an archived turn, and a new turn.
    await store.recordFeedback(feedbackOn(traceIds[0], Rating.UP, { comment: 'やっぱり正しい' }));
    now += 1000;
    const [fresh] = await rate(1, 10);
    const run = await archiver().archiveOnce();
    expect(run.items).toBe(2);
    const { rows } = await parquetAt(PREFIX + run.objects[0]);
    expect(rows.map((r) => r['trace_id'])).toEqual([traceIds[0], fresh]);
    expect(rows[0]['feedback_count']).toBe(2);
  });

  it('repeats rather than loses rows when it dies between an object and its checkpoint', async () => {
    const traceIds = await rate(4);
    bucket.failNextPut(CHECKPOINT, new Error('socket hang up'));
    // Both objects of the run fail at their checkpoint: the first one stops the run.
    await expect(archiver().archiveOnce()).rejects.toThrow(/socket hang up/);
    expect(bucket.objects.has(CHECKPOINT)).toBe(false);

    const retry = await archiver().archiveOnce();
    expect(retry.items).toBe(4);
    const archived = new Set<string>();
    for (const key of bucket.objects.keys()) {
      if (!key.endsWith('.parquet')) continue;
      for (const row of (await parquetAt(key)).rows) archived.add(row['trace_id'] as string);
    }
    expect([...archived].sort()).toEqual([...traceIds].sort());
    expect(checkpoint().after.trace_id).toBe(traceIds[3]);
  });

  it('stops when another archiver moved the checkpoint', async () => {
    await rate(2);
    await archiver().archiveOnce();
    await rate(1, 20);
    const archive = new S3ArchiveStore(bucket.client, { bucket: bucket.bucket, prefix: PREFIX });
    const other = new S3ArchiveStore(bucket.client, { bucket: bucket.bucket, prefix: PREFIX });
    // The other archiver advances the checkpoint between this one's read and its write.
    const racing = new QueueArchiver(store, {
      location: archive.location,
      putObject: (key, body, type) => archive.putObject(key, body, type),
      readCheckpoint: async () => {
        const read = await archive.readCheckpoint();
        if (!read) throw new Error('expected a checkpoint');
        await other.writeCheckpoint(`${read.body} `, read.version);
        return read;
      },
      writeCheckpoint: (body, version) => archive.writeCheckpoint(body, version),
    });
    await expect(racing.archiveOnce()).rejects.toBeInstanceOf(CheckpointConflictError);
  });

  it('refuses a checkpoint it cannot read instead of starting over', async () => {
    bucket.objects.set(CHECKPOINT, {
      body: new TextEncoder().encode('{"after": "somewhere"}'),
      etag: '"x"',
      contentType: 'application/json',
    });
    await expect(archiver().archiveOnce()).rejects.toThrow(
      /s3:\/\/mangaassist-retraining\/retraining-queue\/_checkpoint.json is not a valid checkpoint/,
    );
  });

  it('lays out the same partitions in a local directory', async () => {
    await rate(3);
    const root = join(dir, 'archive');
    const run = await new QueueArchiver(store, new LocalDirArchiveStore(root), {
      newObjectId: () => `id${++ids}`,
    }).archiveOnce();
    expect(readdirSync(root).sort()).toEqual([
      '_checkpoint.json',
      'dt=2025-04-01',
      'dt=2025-04-02',
    ]);
    const { rows } = await readParquet(readFileSync(join(root, run.objects[1])));
    expect(rows.map((r) => r['trace_id'])).toEqual([traceIdOf(3)]);
  });
});
