import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { OutgoingEvent } from '../event-bus';

export class OutboxFullError extends Error {
  override readonly name = 'OutboxFullError';
}

export interface OutboxEntry {
  seq: number;
  event: OutgoingEvent;
}

interface Row {
  seq: number;
  topic: string;
  key: string;
  value: Uint8Array;
  headers: string;
}

/**
 * Events the broker has not acknowledged yet, in one SQLite file per process. An append is
 * committed before it returns: with `full` sync it is on disk (survives a power loss), with
 * `normal` it is in the write-ahead log the OS writes back (survives the process crashing or
 * being killed, without an fsync on the caller's thread). The file is held with an exclusive
 * lock: two processes draining one outbox would reorder and double-send.
 */
export class SqliteOutbox {
  private readonly db: DatabaseSync;
  private count: number;

  constructor(
    readonly path: string,
    private readonly maxEvents: number,
    sync: 'full' | 'normal' = 'full',
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path, { timeout: 0 });
    try {
      this.db.exec(`
        PRAGMA locking_mode = EXCLUSIVE;
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'};
        CREATE TABLE IF NOT EXISTS outbox (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          topic TEXT NOT NULL,
          key TEXT NOT NULL,
          value BLOB NOT NULL,
          headers TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        BEGIN IMMEDIATE;
        COMMIT;
      `);
    } catch (error) {
      this.db.close();
      throw new Error(
        `event outbox ${path} cannot be opened (is another process using it?): ${(error as Error).message}`,
      );
    }
    this.count = Number(
      (this.db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n,
    );
  }

  size(): number {
    return this.count;
  }

  /** Appends the events in order, all or none; throws OutboxFullError past the bound. */
  append(events: readonly OutgoingEvent[]): void {
    if (events.length === 0) return;
    if (this.count + events.length > this.maxEvents) {
      throw new OutboxFullError(
        `event outbox is full (${this.count} of ${this.maxEvents} events waiting for the broker)`,
      );
    }
    const insert = this.db.prepare(
      'INSERT INTO outbox (topic, key, value, headers, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const now = Date.now();
      for (const e of events) insert.run(e.topic, e.key, e.value, JSON.stringify(e.headers), now);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    this.count += events.length;
  }

  /** The oldest events, in append order. */
  peek(limit: number): OutboxEntry[] {
    const rows = this.db
      .prepare('SELECT seq, topic, key, value, headers FROM outbox ORDER BY seq LIMIT ?')
      .all(limit) as unknown as Row[];
    return rows.map((row) => ({
      seq: Number(row.seq),
      event: {
        topic: row.topic,
        key: row.key,
        value: new Uint8Array(row.value),
        headers: JSON.parse(row.headers) as Record<string, string>,
      },
    }));
  }

  /** Forgets every event up to and including `seq` (they were acknowledged). */
  removeThrough(seq: number): void {
    const result = this.db.prepare('DELETE FROM outbox WHERE seq <= ?').run(seq);
    this.count -= Number(result.changes);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
