import { ConfigError } from './parse-config';

/**
 * Runs a process entry point: a start-up failure ends the process with exit code 1 and one
 * readable message (a ConfigError names the bad variables; anything else prints its stack).
 */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
