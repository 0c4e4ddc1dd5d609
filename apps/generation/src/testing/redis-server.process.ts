import { freePort } from '@mangaassist/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

/** Where Debian's `redis-server` package puts the binary; REDIS_SERVER_PATH overrides it. */
const DEFAULT_BINARY = '/usr/bin/redis-server';

/**
 * Starts a real, throwaway redis-server on a free port (no persistence) for the Redis cache
 * adapter's tests, and resolves once it accepts connections.
 */
export async function startRedisServer(): Promise<RedisProcess> {
  const binary = process.env.REDIS_SERVER_PATH ?? DEFAULT_BINARY;
  if (!existsSync(binary)) {
    throw new Error(
      `redis-server not found at ${binary}: install the Debian package (apt-get install redis-server) or set REDIS_SERVER_PATH`,
    );
  }
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('redis-server did not start within 10 s')),
      10_000,
    );
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code} before it was ready`));
    });
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
