import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import {
  type ChatTraceRecorded,
  ChatTraceRecordedSchema,
  type FeedbackSubmitted,
  FeedbackSubmittedSchema,
  type QueueItem,
  QueueItemSchema,
  Rating,
} from '@mangaassist/contracts';
import { Logger } from '@nestjs/common';
import type { ItemQuery, QueueStore, RecordOutcome } from '../queue-store';

export interface SqliteQueueStoreOptions {
  /** Wall-clock milliseconds; tests pin it. */
  clock?: () => number;
  /**
   * Opens an existing store for reading only (exports): no schema is created, so a wrong path
   * is refused instead of being turned into an empty store, and writes fail.
   */
  readOnly?: boolean;
}

type EventKind = 'trace' | 'feedback';

interface ItemRow {
  trace_id: string;
  updated_at: number;
}

interface MessageRow {
  message: Uint8Array;
}

/**
 * The embedded retraining store: one SQLite file in WAL mode, so exports can read while the
 * consumer writes. Events are kept as their protobuf bytes; `items` indexes the trace ids that
 * have feedback, which is what the queue lists.
 */
export class SqliteQueueStore implements QueueStore {
  private readonly logger = new Logger(SqliteQueueStore.name);
  private readonly db: DatabaseSync;
  private readonly clock: () => number;
  private readonly statements = new Map<string, StatementSync>();

  constructor(
    readonly path: string,
    options: SqliteQueueStoreOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    if (options.readOnly) {
      this.db = new DatabaseSync(path, { readOnly: true, timeout: 5000 });
      this.assertQueueSchema();
      return;
    }
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path, { timeout: 5000 });
    // synchronous = FULL: the event log commits our offset durably right after we return,
    // so a write that only reached the OS cache could be lost for good on power failure.
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS processed_events (
        kind TEXT NOT NULL,
        event_id TEXT NOT NULL,
        processed_at INTEGER NOT NULL,
        PRIMARY KEY (kind, event_id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS traces (
        trace_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL,
        message BLOB NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS feedback (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        trace_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        rating INTEGER NOT NULL,
        message BLOB NOT NULL,
        received_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS feedback_by_trace ON feedback (trace_id, seq);
      CREATE TABLE IF NOT EXISTS items (
        trace_id TEXT PRIMARY KEY,
        updated_at INTEGER NOT NULL,
        negative INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS items_by_update ON items (updated_at, trace_id);
    `);
  }

  async recordTrace(trace: ChatTraceRecorded): Promise<RecordOutcome> {
    return this.once('trace', trace.eventId, (now) => {
      const inserted = this.db
        .prepare(
          `INSERT INTO traces (trace_id, event_id, message, received_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (trace_id) DO NOTHING`,
        )
        .run(trace.traceId, trace.eventId, toBinary(ChatTraceRecordedSchema, trace), now);
      if (inserted.changes === 0) {
        // One turn has one trace; a second event for it is a producer re-send with a new id.
        this.logger.warn(`trace ${trace.traceId} already stored, event ${trace.eventId} ignored`);
        return;
      }
      this.db
        .prepare('UPDATE items SET updated_at = ? WHERE trace_id = ?')
        .run(this.nextUpdateTime(now), trace.traceId);
    });
  }

  async recordFeedback(feedback: FeedbackSubmitted): Promise<RecordOutcome> {
    return this.once('feedback', feedback.eventId, (now) => {
      const negative = feedback.rating === Rating.DOWN ? 1 : 0;
      this.db
        .prepare(
          `INSERT INTO feedback (trace_id, event_id, rating, message, received_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(
          feedback.traceId,
          feedback.eventId,
          feedback.rating,
          toBinary(FeedbackSubmittedSchema, feedback),
          now,
        );
      this.db
        .prepare(
          `INSERT INTO items (trace_id, updated_at, negative) VALUES (?, ?, ?)
           ON CONFLICT (trace_id) DO UPDATE SET
             updated_at = excluded.updated_at,
             negative = MAX(items.negative, excluded.negative)`,
        )
        .run(feedback.traceId, this.nextUpdateTime(now), negative);
    });
  }

  async listItems(query: ItemQuery): Promise<QueueItem[]> {
    const where: string[] = [];
    const params: SQLInputValue[] = [];
    if (query.traceId !== undefined) {
      where.push('trace_id = ?');
      params.push(query.traceId);
    }
    if (query.sinceMs !== undefined) {
      where.push('updated_at >= ?');
      params.push(query.sinceMs);
    }
    if (query.onlyNegative) where.push('negative = 1');
    if (query.after) {
      where.push('(updated_at > ? OR (updated_at = ? AND trace_id > ?))');
      params.push(query.after.updatedAtMs, query.after.updatedAtMs, query.after.traceId);
    }
    const rows = this.db
      .prepare(
        `SELECT trace_id, updated_at FROM items
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY updated_at, trace_id LIMIT ?`,
      )
      .all(...params, query.limit) as unknown as ItemRow[];
    return rows.map((row) => this.item(row));
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  /**
   * Runs a write for an event id not seen before, and marks the id processed in the same
   * transaction: either both land or neither does, so a crash or a failed write leaves the
   * event to be redelivered and stored exactly once.
   */
  private once(kind: EventKind, eventId: string, write: (now: number) => void): RecordOutcome {
    const now = this.clock();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const marked = this.db
        .prepare(
          `INSERT INTO processed_events (kind, event_id, processed_at) VALUES (?, ?, ?)
           ON CONFLICT DO NOTHING`,
        )
        .run(kind, eventId, now);
      if (marked.changes === 0) {
        this.db.exec('ROLLBACK');
        return 'duplicate';
      }
      write(now);
      this.db.exec('COMMIT');
      return 'stored';
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * Each change gets an updated_at later than every earlier one, even if the wall clock
   * stalls or steps back: a page token or a `since` taken from one listing then never hides a
   * change made after it.
   */
  private nextUpdateTime(now: number): number {
    const { latest } = this.db.prepare('SELECT MAX(updated_at) AS latest FROM items').get() as {
      latest: number | null;
    };
    return latest === null ? now : Math.max(now, latest + 1);
  }

  private assertQueueSchema(): void {
    const { tables } = this.db
      .prepare(
        `SELECT COUNT(*) AS tables FROM sqlite_master
         WHERE type = 'table' AND name IN ('processed_events', 'traces', 'feedback', 'items')`,
      )
      .get() as { tables: number };
    if (tables !== 4) {
      this.db.close();
      throw new Error(`${this.path} is not a retraining queue store (its tables are missing)`);
    }
  }

  /** Prepared once per connection: an export reads two statements per item, many thousand times. */
  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private item(row: ItemRow): QueueItem {
    const trace = this.statement('SELECT message FROM traces WHERE trace_id = ?').get(
      row.trace_id,
    ) as MessageRow | undefined;
    const feedback = this.statement(
      'SELECT message FROM feedback WHERE trace_id = ? ORDER BY seq',
    ).all(row.trace_id) as unknown as MessageRow[];
    return create(QueueItemSchema, {
      traceId: row.trace_id,
      trace: trace ? fromBinary(ChatTraceRecordedSchema, trace.message) : undefined,
      feedback: feedback.map((f) => fromBinary(FeedbackSubmittedSchema, f.message)),
      updatedAt: timestampFromMs(Number(row.updated_at)),
    });
  }
}
