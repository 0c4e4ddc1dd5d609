import { parseArgs } from 'node:util';
import { parseConfig } from '@mangaassist/config';
import { z } from 'zod';
import { retrainingQueueConfigSchema } from '../app/retraining-queue.config';
import { EXPORT_FORMATS, type ExportFormat } from '../export/export-sink';

export interface ExportOptions {
  sinceMs?: number;
  untilMs?: number;
  onlyNegative: boolean;
  format: ExportFormat;
  /** The file to write; undefined writes JSON Lines to stdout. */
  out?: string;
  db: string;
  pageSize: number;
}

export type ParsedExportArgs = { help: true } | { help: false; options: ExportOptions };

/** A mistake in the command line: reported with the usage hint and exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const MAX_PAGE_SIZE = 500;

export const EXPORT_USAGE = `Usage: npm run retraining:export -- [options]

Exports the retraining queue (rated chat turns with their full trace) for data scientists.
Items come oldest update first; the columns are described in docs/data-contract.md.

Options:
  --since <iso>        only items updated at or after this time, e.g. 2025-04-01 or
                       2025-04-01T09:00:00Z (a time needs Z or an offset such as +09:00)
  --until <iso>        only items updated before this time
  --only-negative      only items with at least one thumbs-down
  --format <format>    jsonl (default) or parquet
  --out <path>         file to write, replaced atomically when the export succeeds;
                       without it JSON Lines go to stdout (parquet needs --out)
  --db <path>          queue store (default: RETRAINING_DB_PATH or .var/retraining.db)
  --page-size <n>      items read from the store at a time, 1-${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE})
  -h, --help           show this help

Progress goes to stderr; with --out, a JSON summary is printed on stdout.
Exit status: 0 done, 1 export failed (nothing written), 2 bad options.
`;

// The service's own variable and default, so the CLI reads the store the service writes.
const dbConfigSchema = z.object({
  RETRAINING_DB_PATH: retrainingQueueConfigSchema.shape.RETRAINING_DB_PATH,
});

export function parseExportArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedExportArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        since: { type: 'string' },
        until: { type: 'string' },
        'only-negative': { type: 'boolean', default: false },
        format: { type: 'string' },
        out: { type: 'string' },
        db: { type: 'string' },
        'page-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(parseArgsMessage(error as Error));
  }
  if (values.help) return { help: true };

  const sinceMs = values.since === undefined ? undefined : parseIsoTime('--since', values.since);
  const untilMs = values.until === undefined ? undefined : parseIsoTime('--until', values.until);
  if (sinceMs !== undefined && untilMs !== undefined && untilMs <= sinceMs) {
    throw new UsageError('--until must be later than --since');
  }
  const format = parseFormat(values.format);
  const out = nonEmpty('--out', values.out);
  if (format === 'parquet' && (out === undefined || out === '-')) {
    throw new UsageError('--format parquet needs --out <file>: Parquet is not written to stdout');
  }
  return {
    help: false,
    options: {
      sinceMs,
      untilMs,
      onlyNegative: values['only-negative'],
      format,
      out: out === '-' ? undefined : out,
      db:
        nonEmpty('--db', values.db) ??
        parseConfig('retraining:export', dbConfigSchema, env).RETRAINING_DB_PATH,
      pageSize: parsePageSize(values['page-size']),
    },
  };
}

const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * ISO 8601 in the forms people type: a date (midnight UTC) or a date-time with Z or an
 * offset. A date-time without a zone is refused rather than read in the machine's time zone,
 * which would shift an export silently by hours.
 */
export function parseIsoTime(flag: string, value: string): number {
  const example = `e.g. 2025-04-01 or 2025-04-01T09:00:00Z`;
  const match = ISO_TIME.exec(value.trim());
  if (!match) {
    const hint = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim())
      ? ' (add Z or an offset such as +09:00)'
      : '';
    throw new UsageError(
      `${flag} must be an ISO 8601 date or date-time, ${example}; got "${value}"${hint}`,
    );
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const validDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!validDate || hour > 23 || minute > 59 || second > 59) {
    throw new UsageError(`${flag} is not a real date and time: "${value}"`);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const offsetMinutes =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

function parseFormat(value: string | undefined): ExportFormat {
  if (value === undefined) return 'jsonl';
  const format = EXPORT_FORMATS.find((f) => f === value.trim().toLowerCase());
  if (!format) {
    throw new UsageError(`--format must be ${EXPORT_FORMATS.join(' or ')}; got "${value}"`);
  }
  return format;
}

function parsePageSize(value: string | undefined): number {
  if (value === undefined) return MAX_PAGE_SIZE;
  const size = Number(value);
  if (!/^\d+$/.test(value.trim()) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new UsageError(
      `--page-size must be a whole number from 1 to ${MAX_PAGE_SIZE}; got "${value}"`,
    );
  }
  return size;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`${flag} must not be empty`);
  return value;
}

/** node:util's messages mention positionals and quoting; ours name the option and stop. */
function parseArgsMessage(error: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? error.message}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? ''}: every value needs its option, e.g. --since 2025-04-01`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (!option) return error.message;
      return error.message.includes('does not take')
        ? `${option} takes no value`
        : `${option} needs a value`;
    default:
      return error.message;
  }
}
