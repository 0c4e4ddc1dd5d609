import { join } from 'node:path';
import { type ExportOptions, UsageError, parseExportArgs, parseIsoTime } from './export-options';

function options(argv: string[], env: NodeJS.ProcessEnv = {}): ExportOptions {
  const parsed = parseExportArgs(argv, env);
  if (parsed.help) throw new Error('expected options, got help');
  return parsed.options;
}

function usageError(argv: string[]): string {
  try {
    parseExportArgs(argv, {});
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseExportArgs', () => {
  it('defaults to JSON Lines on stdout from the configured store', () => {
    const parsed = options([]);
    expect(parsed).toMatchObject({ format: 'jsonl', onlyNegative: false, pageSize: 500 });
    expect(parsed.out).toBeUndefined();
    expect(parsed.sinceMs).toBeUndefined();
    expect(parsed.db.endsWith(join('.var', 'retraining.db'))).toBe(true);
    expect(options([], { RETRAINING_DB_PATH: '/data/q.db' }).db).toBe('/data/q.db');
    expect(options(['--db', '/x/y.db'], { RETRAINING_DB_PATH: '/data/q.db' }).db).toBe('/x/y.db');
  });

  it('reads every option', () => {
    expect(
      options([
        '--since',
        '2025-04-01',
        '--until=2025-04-02T09:00:00+09:00',
        '--only-negative',
        '--format',
        'PARQUET',
        '--out',
        'q.parquet',
        '--page-size',
        '50',
      ]),
    ).toMatchObject({
      sinceMs: Date.UTC(2025, 3, 1),
      untilMs: Date.UTC(2025, 3, 2, 0, 0),
      onlyNegative: true,
      format: 'parquet',
      out: 'q.parquet',
      pageSize: 50,
    });
    expect(parseExportArgs(['--help'], {})).toEqual({ help: true });
    expect(parseExportArgs(['-h'], {})).toEqual({ help: true });
    expect(options(['--out', '-']).out).toBeUndefined();
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['2025-04-01'], /unexpected argument 2025-04-01: every value needs its option/],
    [['--since'], /--since needs a value/],
    [['--only-negative=yes'], /--only-negative takes no value/],
    [['--since', 'yesterday'], /--since must be an ISO 8601 date or date-time.*got "yesterday"/],
    [['--since', '2025-04-01T09:00:00'], /add Z or an offset/],
    [['--since', '2025-02-30'], /--since is not a real date and time/],
    [['--until', '2025-04-01T24:00:00Z'], /--until is not a real date and time/],
    [['--since', '2025-04-02', '--until', '2025-04-01'], /--until must be later than --since/],
    [['--format', 'csv'], /--format must be jsonl or parquet; got "csv"/],
    [['--format', 'parquet'], /--format parquet needs --out <file>/],
    [['--format', 'parquet', '--out', '-'], /--format parquet needs --out <file>/],
    [['--out', ' '], /--out must not be empty/],
    [['--page-size', '0'], /--page-size must be a whole number from 1 to 500; got "0"/],
    [['--page-size', '501'], /--page-size must be a whole number from 1 to 500/],
    [['--page-size', '2.5'], /--page-size must be a whole number/],
  ])('refuses %j', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });
});

describe('parseIsoTime', () => {
  it.each([
    ['2025-04-01', Date.UTC(2025, 3, 1)],
    ['2025-04-01T09:30Z', Date.UTC(2025, 3, 1, 9, 30)],
    ['2025-04-01T09:30:15.25Z', Date.UTC(2025, 3, 1, 9, 30, 15, 250)],
    ['2025-04-01T09:30:15.123456789Z', Date.UTC(2025, 3, 1, 9, 30, 15, 123)],
    ['2025-04-01T18:00:00+09:00', Date.UTC(2025, 3, 1, 9, 0)],
    ['2025-03-31T20:00:00-05:30', Date.UTC(2025, 3, 1, 1, 30)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(parseIsoTime('--since', text)).toBe(expected);
  });

  it('refuses a day that does not exist', () => {
    expect(() => parseIsoTime('--since', '2025-02-29')).toThrow(/not a real date/);
  });
});
