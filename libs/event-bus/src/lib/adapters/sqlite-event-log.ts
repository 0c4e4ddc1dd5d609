import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Logger } from '@nestjs/common';
import type {
  ConsumeOptions,
  EventConsumer,
  EventPublisher,
  OutgoingEvent,
  ReceivedEvent,
} from '../event-bus';

interface Row {
  seq: number;
  topic: string;
  key: string;
  value: Uint8Array;
  headers: string;
  created_at: number;
}

/**
 * The embedded event bus: an append-only log in one SQLite file shared by every local
 * process (WAL mode lets the gateway and feedback write while retraining-queue reads).
 * Writes are fsynced before publish resolves, so a crash loses nothing that was acknowledged.
 * One partition per topic; offsets are the log's sequence numbers.
 */
export class SqliteEventLog implements EventPublisher {
  private readonly db: DatabaseSync;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path, { timeout: 5000 });
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      CREATE TABLE IF NOT EXISTS events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        topic TEXT NOT NULL,
        key TEXT NOT NULL,
        value BLOB NOT NULL,
        headers TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS events_by_topic ON events (topic, seq);
      CREATE TABLE IF NOT EXISTS group_offsets (
        group_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (group_id, topic)
      );
    `);
  }

  async publish(events: readonly OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const insert = this.db.prepare(
      'INSERT INTO events (topic, key, value, headers, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    // One transaction: a batch is written whole or not at all.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const now = Date.now();
      for (const event of events) {
        insert.run(event.topic, event.key, event.value, JSON.stringify(event.headers), now);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** A consumer reading this log; several groups may read the same topics independently. */
  consumer(pollIntervalMs = 20): EventConsumer {
    return new SqliteEventConsumer(this.db, pollIntervalMs);
  }

  /** Events of a topic from the start, for tests and tools. */
  readAll(topic: string): ReceivedEvent[] {
    const rows = this.db
      .prepare('SELECT * FROM events WHERE topic = ? ORDER BY seq')
      .all(topic) as unknown as Row[];
    return rows.map(toReceived);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}

class SqliteEventConsumer implements EventConsumer {
  private readonly logger = new Logger('SqliteEventConsumer');
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: DatabaseSync,
    private readonly pollIntervalMs: number,
  ) {}

  async start(options: ConsumeOptions): Promise<void> {
    if (this.running) throw new Error('consumer already started');
    this.running = true;
    this.initialisePositions(options);
    this.loop = this.run(options);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private initialisePositions(options: ConsumeOptions): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO group_offsets (group_id, topic, last_seq) VALUES (?, ?, ?)',
    );
    const newest = this.db.prepare(
      'SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE topic = ?',
    );
    for (const topic of options.topics) {
      const start = options.fromBeginning ? 0 : Number((newest.get(topic) as { seq: number }).seq);
      insert.run(options.groupId, topic, start);
    }
  }

  private async run(options: ConsumeOptions): Promise<void> {
    const placeholders = options.topics.map(() => '?').join(', ');
    const next = this.db.prepare(`
      SELECT e.* FROM events e
      JOIN group_offsets g ON g.topic = e.topic AND g.group_id = ?
      WHERE e.topic IN (${placeholders}) AND e.seq > g.last_seq
      ORDER BY e.seq LIMIT 256`);
    const commit = this.db.prepare(
      'UPDATE group_offsets SET last_seq = ? WHERE group_id = ? AND topic = ? AND last_seq < ?',
    );
    let backoffMs = 50;
    while (this.running) {
      let rows: Row[];
      try {
        rows = next.all(options.groupId, ...options.topics) as unknown as Row[];
      } catch (error) {
        // A busy or briefly unavailable database must not kill the consumer: back off and retry.
        this.logger.warn(
          `polling the event log failed, retrying in ${backoffMs} ms: ${(error as Error).message}`,
        );
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5000);
        continue;
      }
      if (rows.length === 0) {
        await this.sleep(this.pollIntervalMs);
        continue;
      }
      for (const row of rows) {
        if (!this.running) return;
        try {
          await options.handle(toReceived(row));
          commit.run(row.seq, options.groupId, row.topic, row.seq);
          backoffMs = 50;
        } catch (error) {
          this.logger.warn(
            `handler failed on ${row.topic}@${row.seq}, retrying in ${backoffMs} ms: ${(error as Error).message}`,
          );
          await this.sleep(backoffMs);
          backoffMs = Math.min(backoffMs * 2, 5000);
          break;
        }
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function toReceived(row: Row): ReceivedEvent {
  return {
    topic: row.topic,
    partition: 0,
    offset: String(row.seq),
    key: row.key,
    value: new Uint8Array(row.value),
    headers: JSON.parse(row.headers) as Record<string, string>,
    timestamp: new Date(Number(row.created_at)),
  };
}
