import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ItemCursor, QueueStore } from '../queue/queue-store';
import { type ArchiveStore, CHECKPOINT_KEY } from './archive-store';
import { type ExportRow, rowCursor, toExportRow } from './export-row';
import { PARQUET_CONTENT_TYPE, encodeParquet } from './parquet-encode';
import { queuePages } from './queue-pages';

export interface QueueArchiverOptions {
  /** Most rows per Parquet object; also what one object costs in memory while it is built. */
  rowsPerObject?: number;
  /** Items read from the store at a time. */
  pageSize?: number;
  /** Names each object; tests pin it. */
  newObjectId?: () => string;
  /** Wall clock for the checkpoint's written_at; tests pin it. */
  clock?: () => number;
}

export interface ArchiveRun {
  items: number;
  /** Keys of the objects written, relative to the archive root. */
  objects: string[];
  /** Where the next run resumes, or undefined when nothing was ever archived. */
  checkpoint: ItemCursor | undefined;
}

const CHECKPOINT_FORMAT = 'mangaassist.retraining.archive-checkpoint/1';

const checkpointSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  after: z.object({ updated_at: z.iso.datetime(), trace_id: z.string().regex(/^[0-9a-f]{32}$/) }),
  last_object: z.string(),
  written_at: z.iso.datetime(),
});

/**
 * Copies the queue into an archive of immutable Parquet objects partitioned by the date of
 * each item's last update: `dt=YYYY-MM-DD/part-<uuid>.parquet`, the same columns as
 * `retraining:export`. Each run continues after the checkpoint; the checkpoint advances only
 * after the object it covers is stored, so a crash repeats rows rather than losing them.
 *
 * The queue itself stays in the local store: its port needs an atomic "dedupe and join"
 * write and a listing ordered by last update, which immutable objects cannot give without
 * rewriting them. An item that changes after it was archived (a new rating, its trace
 * arriving) is archived again in a later object; readers keep the newest row per trace_id.
 */
export class QueueArchiver {
  private readonly rowsPerObject: number;
  private readonly pageSize: number;
  private readonly newObjectId: () => string;
  private readonly clock: () => number;

  constructor(
    private readonly store: QueueStore,
    private readonly archive: ArchiveStore,
    options: QueueArchiverOptions = {},
  ) {
    this.rowsPerObject = options.rowsPerObject ?? 10_000;
    this.pageSize = options.pageSize ?? 500;
    this.newObjectId = options.newObjectId ?? randomUUID;
    this.clock = options.clock ?? Date.now;
  }

  get location(): string {
    return this.archive.location;
  }

  async archiveOnce(signal?: AbortSignal): Promise<ArchiveRun> {
    const stored = await this.archive.readCheckpoint();
    let version = stored?.version;
    let checkpoint = stored ? this.parseCheckpoint(stored.body) : undefined;
    const run: ArchiveRun = { items: 0, objects: [], checkpoint };
    let rows: ExportRow[] = [];

    const flush = async (): Promise<void> => {
      if (rows.length === 0) return;
      const batch = rows;
      rows = [];
      const key = `dt=${batch[0].updated_at.slice(0, 10)}/part-${this.newObjectId()}.parquet`;
      await this.archive.putObject(key, await encodeParquet(batch), PARQUET_CONTENT_TYPE);
      const last = batch[batch.length - 1];
      version = await this.archive.writeCheckpoint(this.checkpointBody(last, key), version);
      checkpoint = rowCursor(last);
      run.items += batch.length;
      run.objects.push(key);
      run.checkpoint = checkpoint;
    };

    for await (const page of queuePages(this.store, {
      after: checkpoint,
      onlyNegative: false,
      pageSize: this.pageSize,
    })) {
      for (const item of page) {
        const row = toExportRow(item);
        // One object never spans two dates, so each lands in its day's partition.
        if (rows.length > 0 && rows[0].updated_at.slice(0, 10) !== row.updated_at.slice(0, 10)) {
          await flush();
        }
        rows.push(row);
        if (rows.length >= this.rowsPerObject) await flush();
      }
      signal?.throwIfAborted();
    }
    await flush();
    return run;
  }

  private checkpointBody(last: ExportRow, key: string): string {
    return `${JSON.stringify(
      {
        format: CHECKPOINT_FORMAT,
        after: { updated_at: last.updated_at, trace_id: last.trace_id },
        last_object: key,
        written_at: new Date(this.clock()).toISOString(),
      },
      null,
      2,
    )}\n`;
  }

  /** A checkpoint that cannot be read stops the archiver: starting over would copy everything again. */
  private parseCheckpoint(body: string): ItemCursor {
    let parsed;
    try {
      parsed = checkpointSchema.parse(JSON.parse(body));
    } catch (error) {
      throw new Error(
        `${this.archive.location}${CHECKPOINT_KEY} is not a valid checkpoint (${(error as Error).message.split('\n')[0]}); fix or remove it`,
      );
    }
    return { updatedAtMs: Date.parse(parsed.after.updated_at), traceId: parsed.after.trace_id };
  }
}
