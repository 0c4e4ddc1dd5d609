import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createHealthClient, isServing } from '@mangaassist/grpc';
import { SERVICES, type ServiceSpec } from './service-catalog';

export interface StackOptions {
  /** Repo root holding dist/ and data/. */
  root: string;
  /** Ports by service name; missing ones use the service's env var or its default port. */
  ports?: Partial<Record<string, number>>;
  /** Extra environment for every service (EVENT_LOG_PATH, LOG_FORMAT, ...). */
  env?: NodeJS.ProcessEnv;
  /** Receives every output line of every service. */
  onLine?: (service: string, line: string, stream: 'stdout' | 'stderr') => void;
  /** Called when a service turns ready, with the milliseconds since start. */
  onReady?: (service: string, elapsedMs: number) => void;
  readyTimeoutMs?: number;
  /** Start only these services (tools that need, say, intent alone); default: all of them. */
  only?: readonly string[];
}

export interface RunningStack {
  /** The gateway's base URL, or undefined when the gateway was not started. */
  gatewayUrl: string | undefined;
  ports: Record<string, number>;
  /** Resolves when a service exits on its own (a crash), with its name and exit code. */
  exited: Promise<{ service: string; code: number | null }>;
  /** Stops one service (failure tests); its exit is not reported as a crash. */
  stopService(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts every service as its own process from dist/, wires their addresses together, and
 * resolves once each reports healthy: grpc.health.v1 SERVING for the services, /readyz for
 * the gateway. On any failure everything already started is stopped again.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const started = Date.now();
  const ports = resolvePorts(options);
  const sharedEnv: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const spec of SERVICES) {
    sharedEnv[spec.portVar] = String(ports[spec.name]);
    if (spec.addrVar) sharedEnv[spec.addrVar] = `127.0.0.1:${ports[spec.name]}`;
  }
  for (const spec of SERVICES.filter((s) => !options.only || options.only.includes(s.name))) {
    if (!existsSync(join(options.root, spec.entry))) {
      throw new Error(`${spec.entry} is missing: build first (npx nx run-many -t build)`);
    }
  }

  const children = new Map<string, ChildProcess>();
  let stopping = false;
  let reportExit: (exit: { service: string; code: number | null }) => void = () => undefined;
  const exited = new Promise<{ service: string; code: number | null }>(
    (resolve) => (reportExit = resolve),
  );

  const stop = async (): Promise<void> => {
    stopping = true;
    await Promise.all([...children.values()].map((child) => terminate(child)));
  };

  const stoppedOnPurpose = new Set<string>();
  const stopService = async (name: string): Promise<void> => {
    const child = children.get(name);
    if (!child) throw new Error(`no service named ${name}`);
    stoppedOnPurpose.add(name);
    await terminate(child);
  };

  const launch = (spec: ServiceSpec): void => {
    const child = spawn(process.execPath, [join(options.root, spec.entry)], {
      cwd: options.root,
      env: sharedEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(spec.name, child);
    for (const [stream, input] of [
      ['stdout', child.stdout],
      ['stderr', child.stderr],
    ] as const) {
      if (input)
        createInterface({ input }).on('line', (line) => options.onLine?.(spec.name, line, stream));
    }
    child.on('exit', (code) => {
      if (!stopping && !stoppedOnPurpose.has(spec.name)) reportExit({ service: spec.name, code });
    });
  };

  try {
    const selected = SERVICES.filter((s) => !options.only || options.only.includes(s.name));
    const unknown = (options.only ?? []).filter((name) => !SERVICES.some((s) => s.name === name));
    if (unknown.length > 0) throw new Error(`unknown service(s): ${unknown.join(', ')}`);
    const backends = selected.filter((s) => s.health === 'grpc');
    backends.forEach(launch);
    await Promise.race([
      Promise.all(
        backends.map(async (spec) => {
          await waitForGrpc(
            `127.0.0.1:${ports[spec.name]}`,
            options.readyTimeoutMs ?? 60_000,
            spec.name,
          );
          options.onReady?.(spec.name, Date.now() - started);
        }),
      ),
      exited.then(({ service, code }) => {
        throw new Error(`${service} exited with code ${code} before it was ready`);
      }),
    ]);
    const frontends = selected.filter((s) => s.health === 'http');
    frontends.forEach(launch);
    const gatewayUrl = frontends.length > 0 ? `http://127.0.0.1:${ports.gateway}` : undefined;
    if (gatewayUrl) {
      await Promise.race([
        waitForHttp(`${gatewayUrl}/readyz`, options.readyTimeoutMs ?? 60_000),
        exited.then(({ service, code }) => {
          throw new Error(`${service} exited with code ${code} before it was ready`);
        }),
      ]);
      options.onReady?.('gateway', Date.now() - started);
    }
    return { gatewayUrl, ports, exited, stopService, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function resolvePorts(options: StackOptions): Record<string, number> {
  const ports: Record<string, number> = {};
  for (const spec of SERVICES) {
    const fromEnv = Number(options.env?.[spec.portVar] ?? process.env[spec.portVar]);
    ports[spec.name] =
      options.ports?.[spec.name] ??
      (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : spec.defaultPort);
  }
  return ports;
}

async function waitForGrpc(address: string, timeoutMs: number, name: string): Promise<void> {
  const client = createHealthClient(address, 500);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (await isServing(client)) return;
      await sleep(100);
    }
    throw new Error(`${name} at ${address} was not SERVING within ${timeoutMs} ms`);
  } finally {
    client.close();
  }
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
