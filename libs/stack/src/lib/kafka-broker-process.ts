import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface KafkaProcessOptions {
  /** Repo root holding dist/. */
  root: string;
  /** Client port; a free one when omitted. */
  port?: number;
  /** Data directory kept across runs; a fresh temporary one (deleted on stop) when omitted. */
  dataDir?: string;
  /** Keep a temporary data directory after stop, to start again on it (broker-down benchmarks). */
  keepData?: boolean;
  controllerPort?: number;
  /** Progress and error lines of the launcher (provisioning, readiness). */
  onLine?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface KafkaProcess {
  /** Bootstrap servers for KAFKA_BROKERS. */
  brokers: string;
  port: number;
  controllerPort: number;
  dataDir: string;
  version: string;
  logFile: string;
  /** Resolves when the broker exits without being asked to. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const LAUNCHER = join('dist', 'tools', 'kafka', 'src', 'main.js');

/**
 * A Kafka broker run by the tools/kafka launcher as a child process (`start --json`), for
 * `npm run start:kafka` and benchmarks. Resolves with its address once it answers clients.
 */
export async function startKafkaProcess(options: KafkaProcessOptions): Promise<KafkaProcess> {
  const launcher = join(options.root, LAUNCHER);
  if (!existsSync(launcher)) {
    throw new Error(`${LAUNCHER} is missing: build it first (npx nx run kafka:build)`);
  }
  // The launcher stops its broker when our end of its stdin closes: also when we die.
  const args = [launcher, 'start', '--json', '--stop-when-stdin-closes'];
  if (options.port !== undefined) args.push('--port', String(options.port));
  if (options.controllerPort !== undefined) {
    args.push('--controller-port', String(options.controllerPort));
  }
  if (options.dataDir !== undefined) args.push('--data-dir', options.dataDir);
  if (options.keepData) args.push('--keep-data');
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stopping = false;
  const lines: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    lines.push(line);
    if (lines.length > 30) lines.shift();
    options.onLine?.(line);
  });
  const exitCode = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  const ready = new Promise<Omit<KafkaProcess, 'exited' | 'stop'>>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => {
      try {
        resolve(JSON.parse(line) as Omit<KafkaProcess, 'exited' | 'stop'>);
      } catch {
        reject(new Error(`unexpected output from the Kafka launcher: ${line}`));
      }
    });
    void exitCode.then((code) =>
      reject(new Error(`Kafka launcher exited with code ${code}:\n${lines.join('\n')}`)),
    );
  });
  const stop = async (): Promise<void> => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    // The launcher stops the broker gracefully; the broker also dies with the launcher.
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.kill('SIGTERM');
    await exitCode;
    clearTimeout(killer);
  };
  const timeoutMs = options.readyTimeoutMs ?? 300_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const info = await Promise.race([
      ready,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Kafka was not ready within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
    const exited = exitCode.then((code) => (stopping ? new Promise<never>(() => undefined) : code));
    return { ...info, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
