import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { PassThrough } from 'node:stream';
import { create } from '@bufbuild/protobuf';
import {
  GuardrailVerdictsSchema,
  Rating,
  ScoredDocumentSchema,
  StageLatencySchema,
} from '@mangaassist/contracts';
import { SqliteQueueStore } from '../queue/adapters/sqlite.queue-store';
import { englishTrace, feedbackOn, japaneseTrace, traceIdOf } from '../testing/event-fixtures';
import type { ExportRow } from '../export/export-row';
import { EXPORT_SCHEMA_VERSION, PARQUET_COLUMNS } from '../export/parquet-columns';
import { readParquet } from '../export/testing/parquet-rows';
import { type CommandIo, runExportCommand } from './export.command';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

const T0 = Date.UTC(2025, 3, 1, 10, 0);
const JA = traceIdOf(1);
const EN_NO_TRACE = traceIdOf(2);
const EN_UP = traceIdOf(3);
const JA_LATE = traceIdOf(4);

describe('retraining:export', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'retraining-export-'));
    db = join(dir, 'retraining.db');
    let now = T0;
    const store = new SqliteQueueStore(db, { clock: () => now });
    await store.recordTrace(
      japaneseTrace(JA, {
        retrieved: [
          create(ScoredDocumentSchema, { id: 'MA-0042', score: 11.5 }),
          create(ScoredDocumentSchema, { id: 'POL-003', score: 7.25 }),
        ],
        reranked: [create(ScoredDocumentSchema, { id: 'MA-0042', score: 0.875 })],
        promptVersion: 'answer-v3',
        modelId: 'local-composer-1',
        citations: ['MA-0042'],
        guardrails: create(GuardrailVerdictsSchema, {
          inputVerdict: 'allow',
          outputVerdict: 'warn',
          outputReasons: ['low_grounding'],
          groundingScore: 0.625,
          piiTypes: ['phone'],
        }),
        latencies: [
          create(StageLatencySchema, { stage: 'intent', millis: 3.5 }),
          create(StageLatencySchema, { stage: 'total', millis: 41.25 }),
        ],
        inputTokens: 612,
        outputTokens: 88,
        estimatedCostUsd: 0.00042,
      }),
    );
    now += 1000;
    await store.recordFeedback(
      feedbackOn(JA, Rating.DOWN, { comment: '発売日が違います。電話番号は[電話番号]です' }),
    );
    now += 1000;
    await store.recordFeedback(feedbackOn(EN_NO_TRACE, Rating.DOWN, { comment: 'Wrong price' }));
    now += 1000;
    await store.recordTrace(englishTrace(EN_UP));
    await store.recordFeedback(feedbackOn(EN_UP, Rating.UP));
    now += 60 * 60 * 1000;
    await store.recordTrace(japaneseTrace(JA_LATE, { userText: 'ワンピースの最新刊は？' }));
    await store.recordFeedback(feedbackOn(JA_LATE, Rating.DOWN, { comment: 'もっと詳しく' }));
    await store.recordFeedback(feedbackOn(JA_LATE, Rating.UP, { comment: 'やっぱり良い' }));
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[], io: Partial<CommandIo> = {}): Promise<Run> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on('data', (c: Buffer) => out.push(c));
    stderr.on('data', (c: Buffer) => err.push(c));
    const status = await runExportCommand(argv, {
      stdout,
      stderr,
      isTTY: false,
      env: { RETRAINING_DB_PATH: db },
      ...io,
    });
    return {
      status,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    };
  }

  function jsonl(text: string): ExportRow[] {
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as ExportRow);
  }

  function leftovers(): string[] {
    return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
  }

  it('writes JSON Lines with the full trace and every rating, Japanese text intact', async () => {
    const out = join(dir, 'all.jsonl');
    const result = await run(['--out', out, '--page-size', '2']);
    expect(result.status).toBe(0);

    const rows = jsonl(readFileSync(out, 'utf8'));
    expect(rows.map((r) => r.trace_id)).toEqual([JA, EN_NO_TRACE, EN_UP, JA_LATE]);
    expect(rows[0]).toEqual({
      trace_id: JA,
      updated_at: new Date(T0 + 1000).toISOString(),
      negative: true,
      feedback_count: 1,
      has_trace: true,
      trace_event_id: `trace-${JA}`,
      session_id: 'f'.repeat(32),
      occurred_at: '2025-04-01T09:00:00.000Z',
      locale: 'ja',
      user_text: '呪術廻戦の次の巻はいつ発売ですか？',
      intent: 'release_preorder',
      confidence: 0.93,
      route: 'api',
      entities: null,
      retrieved: [
        { id: 'MA-0042', score: 11.5 },
        { id: 'POL-003', score: 7.25 },
      ],
      reranked: [{ id: 'MA-0042', score: 0.875 }],
      prompt_version: 'answer-v3',
      model_id: 'local-composer-1',
      answer: '次の巻は2025年5月2日発売予定です。',
      citations: ['MA-0042'],
      input_verdict: 'allow',
      output_verdict: 'warn',
      grounding_score: 0.625,
      guardrails: {
        input_verdict: 'allow',
        input_reasons: [],
        output_verdict: 'warn',
        output_reasons: ['low_grounding'],
        grounding_score: 0.625,
        pii_types: ['phone'],
      },
      latencies_ms: { intent: 3.5, total: 41.25 },
      total_latency_ms: 41.25,
      input_tokens: 612,
      output_tokens: 88,
      estimated_cost_usd: 0.00042,
      error: '',
      feedback: [
        {
          event_id: expect.stringContaining(JA),
          session_id: 'f'.repeat(32),
          rating: 'down',
          reason: 'wrong_answer',
          comment: '発売日が違います。電話番号は[電話番号]です',
          occurred_at: '2025-04-01T09:01:00.000Z',
        },
      ],
    });
    // Feedback that arrived before its trace: trace columns are null, not empty.
    expect(rows[1]).toMatchObject({ has_trace: false, user_text: null, retrieved: null });
    expect(rows[1].feedback[0].comment).toBe('Wrong price');
    expect(rows[3].feedback.map((f) => [f.rating, f.comment])).toEqual([
      ['down', 'もっと詳しく'],
      ['up', 'やっぱり良い'],
    ]);

    expect(JSON.parse(result.stdout)).toMatchObject({
      out,
      format: 'jsonl',
      items: 4,
      negative: 3,
      without_trace: 1,
      bytes: readFileSync(out).length,
      first_updated_at: rows[0].updated_at,
      last_updated_at: rows[3].updated_at,
    });
    expect(result.stderr).toMatch(/exported 2 items \(2 negative\), [\d,]+ items\/s/);
    expect(result.stderr).toMatch(/4 items \(3 negative, 1 still without trace\) as jsonl/);
    expect(leftovers()).toEqual([]);
  });

  it('writes Parquet with the explicit schema that reads back as the same rows', async () => {
    const jsonlOut = join(dir, 'same.jsonl');
    const parquetOut = join(dir, 'same.parquet');
    expect((await run(['--out', jsonlOut])).status).toBe(0);
    const result = await run(['--format', 'parquet', '--out', parquetOut, '--page-size', '3']);
    expect(result.status).toBe(0);

    const { metadata, rows } = await readParquet(readFileSync(parquetOut));
    expect(metadata.schema.slice(1).map((e) => [e.name, e.type, e.converted_type])).toEqual(
      PARQUET_COLUMNS.map((c) => [c.name, c.element.type, c.element.converted_type]),
    );
    expect(metadata.key_value_metadata).toContainEqual({
      key: 'mangaassist.schema',
      value: EXPORT_SCHEMA_VERSION,
    });
    expect(rows).toEqual(jsonl(readFileSync(jsonlOut, 'utf8')));
    expect(rows[3]['user_text']).toBe('ワンピースの最新刊は？');
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'parquet', items: 4 });
  });

  it('filters by --since, --until and --only-negative', async () => {
    const ids = async (argv: string[]) => {
      const result = await run([...argv, '--page-size', '1']);
      expect(result.status).toBe(0);
      return jsonl(result.stdout).map((r) => r.trace_id);
    };
    const second = new Date(T0 + 2000).toISOString();
    expect(await ids(['--since', second])).toEqual([EN_NO_TRACE, EN_UP, JA_LATE]);
    expect(await ids(['--since', '2025-04-01T19:30:00+09:00'])).toEqual([JA_LATE]);
    expect(await ids(['--since', '2025-04-02'])).toEqual([]);
    expect(await ids(['--until', '2025-04-01T10:30:00Z'])).toEqual([JA, EN_NO_TRACE, EN_UP]);
    expect(await ids(['--since', second, '--until', '2025-04-01T10:30:00Z'])).toEqual([
      EN_NO_TRACE,
      EN_UP,
    ]);
    expect(await ids(['--only-negative'])).toEqual([JA, EN_NO_TRACE, JA_LATE]);
    expect(await ids(['--only-negative', '--since', second])).toEqual([EN_NO_TRACE, JA_LATE]);
  });

  it('refuses bad options with exit status 2 and writes nothing', async () => {
    const out = join(dir, 'never.jsonl');
    const result = await run(['--since', 'last week', '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--since must be an ISO 8601 date or date-time/);
    expect(result.stderr).toMatch(/Run with --help for usage/);
    expect(existsSync(out)).toBe(false);

    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--only-negative/);
  });

  it('says so when the store or the output directory does not exist', async () => {
    const missing = await run(['--db', join(dir, 'nope.db')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no queue store at .*nope\.db/);
    expect(existsSync(join(dir, 'nope.db'))).toBe(false);

    const events = join(dir, 'events.db');
    new DatabaseSync(events).close();
    const wrongFile = await run(['--db', events]);
    expect(wrongFile.status).toBe(1);
    expect(wrongFile.stderr).toMatch(/events\.db is not a retraining queue store/);

    const noDir = await run(['--out', join(dir, 'missing', 'x.jsonl')]);
    expect(noDir.status).toBe(1);
    expect(noDir.stderr).toMatch(/directory .*missing does not exist/);
  });

  describe('a failed export', () => {
    let broken: string;

    beforeAll(() => {
      // A corrupt stored event on the second page makes the export fail halfway through.
      broken = join(dir, 'broken.db');
      rmSync(broken, { force: true });
      const copy = new DatabaseSync(db);
      copy.exec(`VACUUM INTO '${broken}'`);
      copy.close();
      const sabotage = new DatabaseSync(broken);
      sabotage
        .prepare('UPDATE feedback SET message = ? WHERE trace_id = ?')
        .run(new Uint8Array([0xff, 0xff, 0xff]), EN_UP);
      sabotage.close();
    });

    it.each(['jsonl', 'parquet'])(
      'leaves the previous %s file untouched and no temp file',
      async (format) => {
        const out = join(dir, `kept.${format}`);
        writeFileSync(out, 'previous export');
        const result = await run([
          '--db',
          broken,
          '--format',
          format,
          '--out',
          out,
          '--page-size',
          '1',
        ]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/failed: .*kept\.\w+ was left as it was/);
        expect(readFileSync(out, 'utf8')).toBe('previous export');
        expect(leftovers()).toEqual([]);
      },
    );

    it('creates no file at all when there was none', async () => {
      const out = join(dir, 'fresh.parquet');
      const result = await run(['--db', broken, '--format', 'parquet', '--out', out]);
      expect(result.status).toBe(1);
      expect(existsSync(out)).toBe(false);
      expect(leftovers()).toEqual([]);
    });

    it('stops on interrupt and cleans up', async () => {
      const out = join(dir, 'interrupted.jsonl');
      const result = await run(['--out', out], { signal: AbortSignal.abort() });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/failed: interrupted/);
      expect(existsSync(out)).toBe(false);
      expect(leftovers()).toEqual([]);
    });
  });

  it('writes an empty Parquet file with the full schema when nothing matches', async () => {
    const out = join(dir, 'empty.parquet');
    const result = await run(['--since', '2030-01-01', '--format', 'parquet', '--out', out]);
    expect(result.status).toBe(0);
    const { metadata, rows } = await readParquet(readFileSync(out));
    expect(rows).toEqual([]);
    expect(metadata.schema).toHaveLength(PARQUET_COLUMNS.length + 1);
  });
});
