import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { fromRepoRoot } from '@mangaassist/config';
import { createHealthClient, isServing } from '@mangaassist/grpc';

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal's 128+n) once the process is gone. */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * A compiled service (dist/apps/<name>/src/main.js) as its own process, as it runs in
 * production, its output appended to `logFile`; resolves once its gRPC health says SERVING.
 */
export async function startServiceProcess(
  name: string,
  env: NodeJS.ProcessEnv,
  address: string,
  logFile: string,
  readyTimeoutMs = 60_000,
): Promise<ServiceProcess> {
  const entry = fromRepoRoot('dist', 'apps', name, 'src', 'main.js');
  const child = spawn(process.execPath, [entry], {
    cwd: fromRepoRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const health = createHealthClient(address, 500);
  const deadline = Date.now() + readyTimeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${name} exited before it was ready; see ${logFile}`);
      }
      if (await isServing(health)) break;
      if (Date.now() > deadline) {
        await kill('SIGKILL');
        throw new Error(`${name} was not SERVING within ${readyTimeoutMs} ms; see ${logFile}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    health.close();
  }
  return { child, exited, kill };
}

export function serviceLog(dir: string, name: string): string {
  return join(dir, `${name}.log`);
}
