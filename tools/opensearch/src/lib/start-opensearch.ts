import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import {
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@mangaassist/testing';
import { type JavaRuntime, findJava } from './java-runtime';
import { renderJvmOptions, renderLog4j2Properties, renderOpenSearchYml } from './node-config';
import { type OpenSearchInstall, provisionOpenSearch } from './provision';

export interface StartOpenSearchOptions {
  /** Heap of the node in MiB; 512 is plenty for test corpora and the 100k-item bench. */
  heapMb?: number;
  /** HTTP port; a free one when unset. */
  httpPort?: number;
  /** How long to wait for a yellow cluster with k-NN loaded; a loaded CI machine is slow. */
  readyTimeoutMs?: number;
  /** Keep the run directory (config, data, logs) after stop, for debugging. */
  keepRunDir?: boolean;
  cacheDir?: string;
  /** Provisioning and start-up progress, one line at a time. */
  progress?: (line: string) => void;
  /** Every line the node logs. */
  onLog?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface RunningOpenSearch {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  runDir: string;
  install: OpenSearchInstall;
  /** Stops the node (SIGTERM, then SIGKILL after 30 s) and removes its run directory. */
  stop(): Promise<void>;
  /** Resolves with the exit code when the node exits, for whatever reason. */
  exited: Promise<number | null>;
}

const UNPRIVILEGED_ID = 65534;
const LOG_TAIL_LINES = 60;
const STOP_GRACE_MS = 30_000;
const POLL_MS = 500;
const PORT_ATTEMPTS = 3;

/**
 * The node runs under `sh`, which also watches its own stdin: the launcher holds that pipe
 * open, so when the launcher dies (even by SIGKILL, as a crashed test worker does) the pipe
 * closes and the node is stopped instead of lingering with half a gigabyte of heap.
 */
const SUPERVISOR = [
  // An asynchronous list reads /dev/null unless told otherwise, so the watcher gets fd 3.
  'exec 3<&0',
  '"$1" </dev/null 3<&- &',
  'node=$!',
  'trap \'kill -TERM "$node" 2>/dev/null\' TERM INT HUP',
  '(cat <&3 >/dev/null; kill -TERM "$node" 2>/dev/null) &',
  'watcher=$!',
  'status=0',
  'while kill -0 "$node" 2>/dev/null; do wait "$node"; status=$?; done',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

class PortInUseError extends Error {}

const RUN_DIR_PREFIX = 'mangaassist-opensearch-';
const LAUNCHER_PID_FILE = 'launcher.pid';

/** Run directories of launchers that died without stopping (SIGKILL) hold a whole index. */
function sweepAbandonedRunDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(RUN_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      const pid = Number(readFileSync(join(dir, LAUNCHER_PID_FILE), 'utf8'));
      if (!Number.isInteger(pid) || pid <= 0) continue;
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
}

/**
 * Provisions (first time only) and starts a private single-node OpenSearch with k-NN on
 * 127.0.0.1 with a fresh data directory, and resolves once the cluster is yellow and k-NN is
 * loaded. As root, the node runs as uid/gid 65534 (OpenSearch refuses to run as root).
 */
export async function startOpenSearch(
  options: StartOpenSearchOptions = {},
): Promise<RunningOpenSearch> {
  const env = options.env ?? process.env;
  const install = await provisionOpenSearch({
    cacheDir: options.cacheDir,
    progress: options.progress,
    env,
  });
  const java = findJava(env);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(install, java, options);
    } catch (error) {
      // freePort() races with other processes; a taken port is worth another try.
      if (!(error instanceof PortInUseError) || options.httpPort || attempt >= PORT_ATTEMPTS) {
        throw error;
      }
      options.progress?.(`port taken, retrying (${error.message})`);
    }
  }
}

async function startOnce(
  install: OpenSearchInstall,
  java: JavaRuntime,
  options: StartOpenSearchOptions,
): Promise<RunningOpenSearch> {
  const httpPort = options.httpPort ?? (await freePort());
  const transportPort = await freePort();
  sweepAbandonedRunDirs();
  const runDir = mkdtempSync(join(tmpdir(), RUN_DIR_PREFIX));
  writeFileSync(join(runDir, LAUNCHER_PID_FILE), String(process.pid));
  const dirs = {
    config: join(runDir, 'config'),
    data: join(runDir, 'data'),
    logs: join(runDir, 'logs'),
    tmp: join(runDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir);
  const settings = {
    httpPort,
    transportPort,
    dataDir: dirs.data,
    logsDir: dirs.logs,
    tmpDir: dirs.tmp,
    heapMb: options.heapMb ?? 512,
    clusterName: `mangaassist-${process.pid}-${httpPort}`,
  };
  writeFileSync(join(dirs.config, 'opensearch.yml'), renderOpenSearchYml(settings));
  writeFileSync(join(dirs.config, 'jvm.options'), renderJvmOptions(settings));
  writeFileSync(join(dirs.config, 'log4j2.properties'), renderLog4j2Properties());

  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownTree(runDir, UNPRIVILEGED_ID);
  const bin = join(install.home, 'bin', 'opensearch');
  const [command, ...args] = [
    ...(asRoot
      ? [
          'setpriv',
          `--reuid=${UNPRIVILEGED_ID}`,
          `--regid=${UNPRIVILEGED_ID}`,
          '--clear-groups',
          '--',
        ]
      : []),
    'sh',
    '-c',
    SUPERVISOR,
    'opensearch-supervisor',
    bin,
  ];
  const url = `http://127.0.0.1:${httpPort}`;
  options.progress?.(
    `starting OpenSearch ${install.version} on ${url} (Java ${java.major}` +
      `${asRoot ? `, uid ${UNPRIVILEGED_ID}` : ''}, run dir ${runDir})`,
  );
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: runDir,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    // A clean environment: the caller's OPENSEARCH_JAVA_OPTS or JAVA_TOOL_OPTIONS must not leak in.
    env: {
      PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
      HOME: runDir,
      LANG: 'C.UTF-8',
      OPENSEARCH_JAVA_HOME: java.home,
      OPENSEARCH_PATH_CONF: dirs.config,
      OPENSEARCH_TMPDIR: dirs.tmp,
    },
  });
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    options.onLog?.(line);
  };
  forEachLine(child, onLine);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? null : 0)));
    child.on('error', () => resolve(null));
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onParentExit = () => killGroup('SIGKILL');
  process.on('exit', onParentExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      child.stdin.end();
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      process.off('exit', onParentExit);
      if (!options.keepRunDir) rmSync(runDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    await waitUntilReady(url, exited, options.readyTimeoutMs ?? 180_000);
  } catch (error) {
    await stop();
    const log = tail.join('\n');
    if (/BindException|Address already in use/.test(log)) {
      throw new PortInUseError(
        `OpenSearch could not bind 127.0.0.1:${httpPort} or :${transportPort} (address in use)`,
      );
    }
    throw new Error(
      `OpenSearch did not become ready: ${(error as Error).message}\n--- last log lines ---\n${log}`,
    );
  }
  options.progress?.(
    `OpenSearch ready on ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { url, runDir, install, stop, exited };
}

function chownTree(path: string, id: number): void {
  chownSync(path, id, id);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, id);
    else chownSync(child, id, id);
  }
}

function forEachLine(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) onLine(line);
    });
    stream.on('end', () => pending && onLine(pending));
  }
}

async function waitUntilReady(
  url: string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the node exited with code ${exitCode}`);
    try {
      const health = await getJson(`${url}/_cluster/health?wait_for_status=yellow&timeout=2s`);
      const status = (health as { status?: unknown }).status;
      if (status === 'yellow' || status === 'green') {
        const plugins = await getJson(`${url}/_cat/plugins?format=json`);
        if (hasKnn(plugins)) return;
        last = 'cluster is up but _cat/plugins does not list opensearch-knn';
      } else {
        last = `cluster status ${String(status)}`;
      }
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s (${last})`);
}

export function hasKnn(plugins: unknown): boolean {
  return (
    Array.isArray(plugins) &&
    plugins.some(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        (p as { component?: unknown }).component === 'opensearch-knn',
    )
  );
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
