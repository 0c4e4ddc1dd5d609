import { runExportCommand } from './export.command';

// Ctrl-C stops the export between pages and removes the temporary file instead of leaving it.
const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort());
process.once('SIGTERM', () => interrupted.abort());
// `... | head` closes stdout early: stop reading the store instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  interrupted.abort(new Error('stdout was closed by the reader'));
});

runExportCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
  env: process.env,
  signal: interrupted.signal,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`retraining:export: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
