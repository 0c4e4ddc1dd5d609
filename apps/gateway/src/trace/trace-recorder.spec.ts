import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from '@bufbuild/protobuf';
import { ChatTraceRecordedSchema, CheckInputResponseSchema, Verdict } from '@mangaassist/contracts';
import { SqliteEventLog, TOPICS, decodeEvent, pseudonymizeSessionId } from '@mangaassist/event-bus';
import type { EventPublisher } from '@mangaassist/event-bus';
import { TraceRecorder } from './trace-recorder';
import { TurnRecord } from './turn-record';

describe('TraceRecorder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trace-recorder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes one redacted, pseudonymous trace event per turn, keyed by session', async () => {
    const log = new SqliteEventLog(join(dir, 'events.db'));
    const recorder = new TraceRecorder(log, { pseudonymKey: 'k'.repeat(16), bufferMax: 10 });
    const turn = new TurnRecord(
      'a'.repeat(32),
      'shopper-session',
      `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
    );
    turn.input(
      create(CheckInputResponseSchema, {
        verdict: Verdict.ALLOW,
        redactedText: '連絡先は[EMAIL]です',
        pii: [{ type: 'EMAIL', start: 4, end: 11 }],
      }),
    );
    turn.answered('ONE PIECEは116巻です。', ['MA-0001']);
    recorder.record(turn);
    await recorder.drain();

    const [event] = log.readAll(TOPICS.chatTraces);
    const pseudonym = pseudonymizeSessionId('k'.repeat(16), 'shopper-session');
    expect(event.key).toBe(pseudonym);
    expect(event.headers).toMatchObject({
      'event-type': 'chat.trace.recorded',
      traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
    });
    const trace = decodeEvent(ChatTraceRecordedSchema, event);
    expect(trace).toMatchObject({
      traceId: 'a'.repeat(32),
      sessionId: pseudonym,
      userText: '連絡先は[EMAIL]です',
      answer: 'ONE PIECEは116巻です。',
      citations: ['MA-0001'],
    });
    expect(trace.guardrails?.piiTypes).toEqual(['EMAIL']);
    expect(trace.latencies.map((l) => l.stage)).toContain('total');
    expect(recorder.stats()).toEqual({ published: 1, dropped: 0, pending: 0 });
    await log.close();
    // A real SQLite file with fsync: on a 2-core machine shared with a whole CI run this has
    // taken over 5 s once; the default timeout measured the machine, not the recorder.
  }, 30_000);

  it('never blocks the turn and counts what an overfull buffer had to drop', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    const slow: EventPublisher = { publish: () => blocked, close: async () => undefined };
    const recorder = new TraceRecorder(slow, { pseudonymKey: 'k'.repeat(16), bufferMax: 2 });
    for (let i = 0; i < 5; i++)
      recorder.record(new TurnRecord(String(i).repeat(32), 's', '00-x-y-01'));
    expect(recorder.stats().dropped).toBe(3);
    release();
    await recorder.drain();
  });
});
