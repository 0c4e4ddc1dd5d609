import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventBusContract } from '../event-bus.contract';
import { SqliteEventLog } from './sqlite-event-log';

describeEventBusContract('local SQLite log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-log-'));
  const path = join(dir, 'events.db');
  const opened: SqliteEventLog[] = [];
  const open = () => {
    // A separate connection per client, as separate processes would have.
    const log = new SqliteEventLog(path);
    opened.push(log);
    return log;
  };
  let topics = 0;
  return {
    publisher: () => open(),
    consumer: () => open().consumer(5),
    freshTopic: async () => `test.topic.${++topics}`,
    teardown: async () => {
      await Promise.all(opened.map((l) => l.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventLog durability', () => {
  it('keeps published events across reopening the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-log-'));
    const path = join(dir, 'events.db');
    const first = new SqliteEventLog(path);
    await first.publish([{ topic: 't', key: 'k', value: new Uint8Array([1, 2, 3]), headers: {} }]);
    await first.close();
    const second = new SqliteEventLog(path);
    expect(second.readAll('t').map((e) => [...e.value])).toEqual([[1, 2, 3]]);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
