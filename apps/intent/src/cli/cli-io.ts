/** Where a command writes: results to `out` (stdout), progress and errors to `err` (stderr). */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const PROCESS_IO: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** A bad command line: printed with a pointer to --help, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function integerOption(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return parsed;
}

export function numberOption(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max} (got "${value}")`);
  }
  return parsed;
}

/**
 * Runs a command's main: usage errors exit 2 with a hint, other errors exit 1 with their
 * message (no stack: these are expected failures such as a missing file).
 */
export async function runCli(
  name: string,
  main: () => Promise<void>,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  try {
    await main();
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${name}: ${error.message}\nRun with --help for usage.\n`);
      return 2;
    }
    io.err(`${name} failed: ${(error as Error).message}\n`);
    return 1;
  }
}
