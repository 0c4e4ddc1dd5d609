import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createKafka } from '@mangaassist/event-bus';
import { freePort } from '@mangaassist/testing';
import { log4j2Properties, randomClusterId, serverProperties } from './broker-config';
import { dieWithParentPrefix, javaExecutable } from './java-runtime';
import { type KafkaDistribution, provisionKafka } from './kafka-distribution';

export interface StartKafkaOptions {
  /** Client port; a free one when omitted. */
  port?: number;
  controllerPort?: number;
  /**
   * Where the broker keeps its data (formatted on first use, reused when it holds a broker
   * already). When omitted, a fresh temporary directory deleted by stop().
   */
  dataDir?: string;
  /** Keep a temporary data directory after stop() (to restart on it later). */
  keepData?: boolean;
  /** Every line the broker prints. */
  onLine?: (line: string) => void;
  /** Provisioning progress (first run only). */
  onProgress?: (line: string) => void;
  readyTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface RunningKafka {
  /** Bootstrap servers for clients, "127.0.0.1:<port>". */
  readonly brokers: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly dataDir: string;
  readonly version: string;
  /** The broker's stdout and stderr. */
  readonly logFile: string;
  readonly pid: number | undefined;
  /** SIGTERM, then SIGKILL after a grace period; deletes a temporary data dir. */
  stop(): Promise<void>;
  /** Stops the broker and starts it again on the same ports and data; resolves when ready. */
  restart(): Promise<void>;
  /** Resolves when the broker exits without being asked to (a crash), with its exit code. */
  readonly exited: Promise<number | null>;
}

const STOP_GRACE_MS = 20_000;

/**
 * Starts a single Apache Kafka node (KRaft, combined controller and broker) on 127.0.0.1,
 * provisioning the jars on first use. Resolves once an admin client's describeCluster succeeds:
 * the port opens before the broker can serve, so an open port is not enough.
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<RunningKafka> {
  const env = options.env ?? process.env;
  const java = javaExecutable(env);
  const distribution = await provisionKafka({ env, onProgress: options.onProgress });
  const port = options.port ?? (await freePort());
  let controllerPort = options.controllerPort ?? (await freePort());
  while (controllerPort === port) controllerPort = await freePort();
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mangaassist-kafka-'));
  const configDir = join(dataDir, 'config');
  const logDir = join(dataDir, 'kraft');
  const logFile = join(dataDir, 'broker.log');
  mkdirSync(configDir, { recursive: true });
  const serverConfig = join(configDir, 'server.properties');
  writeFileSync(serverConfig, serverProperties({ port, controllerPort }, logDir));
  writeFileSync(join(configDir, 'log4j2.properties'), log4j2Properties('INFO'));
  writeFileSync(join(configDir, 'tools-log4j2.properties'), log4j2Properties('WARN'));
  if (!existsSync(join(logDir, 'meta.properties'))) {
    formatStorage(java, distribution, configDir, serverConfig, env);
  }

  const brokers = `127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let stopping = false;
  let reportExit: (code: number | null) => void = () => undefined;
  const exited = new Promise<number | null>((resolve) => (reportExit = resolve));
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;

  const launch = async (): Promise<void> => {
    const log = createWriteStream(logFile, { flags: 'a' });
    const prefix = dieWithParentPrefix();
    const command = [
      ...prefix,
      java,
      ...heapOptions(env),
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${join(configDir, 'log4j2.properties')}`,
      '-cp',
      join(distribution.libs, '*'),
      'kafka.Kafka',
      serverConfig,
    ];
    const proc = spawn(command[0], command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let started = false;
    for (const stream of [proc.stdout, proc.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        log.write(`${line}\n`);
        if (line.includes('Kafka Server started')) started = true;
        options.onLine?.(line);
      });
    }
    const exit = new Promise<number | null>((resolve) =>
      proc.once('exit', (code, signal) => {
        log.end();
        resolve(code ?? (signal ? 128 : null));
      }),
    );
    void exit.then((code) => {
      if (!stopping && child === proc) reportExit(code);
    });
    const deadline = Date.now() + readyTimeoutMs;
    const dead = exit.then((code) => {
      throw new Error(
        `Kafka exited with code ${code} before it was ready; last lines of ${logFile}:\n${tailOf(logFile, 25)}`,
      );
    });
    dead.catch(() => undefined);
    await Promise.race([
      dead,
      (async () => {
        while (!started) {
          if (Date.now() > deadline)
            throw new Error(`Kafka did not start within ${readyTimeoutMs} ms; see ${logFile}`);
          await sleep(100);
        }
        await waitForCluster(brokers, deadline);
      })(),
    ]);
  };

  const terminate = async (): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
      proc.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  };

  // Belt and braces next to setpriv's parent-death signal: never leave a JVM behind on exit.
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await launch();
  } catch (error) {
    process.removeListener('exit', killOnExit);
    stopping = true;
    await terminate();
    if (temporary && !options.keepData) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    brokers,
    port,
    controllerPort,
    dataDir,
    version: distribution.version,
    logFile,
    get pid() {
      return child?.pid;
    },
    exited,
    stop: async () => {
      stopping = true;
      await terminate();
      process.removeListener('exit', killOnExit);
      if (temporary && !options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    restart: async () => {
      stopping = true;
      await terminate();
      stopping = false;
      await launch();
    },
  };
}

function formatStorage(
  java: string,
  distribution: KafkaDistribution,
  configDir: string,
  serverConfig: string,
  env: NodeJS.ProcessEnv,
): void {
  let clusterId = randomClusterId(randomBytes);
  // Kafka's own ids never start with "-": the storage tool would read one as an option.
  while (clusterId.startsWith('-')) clusterId = randomClusterId(randomBytes);
  const format = spawnSync(
    java,
    [
      '-Xmx256m',
      `-Dlog4j2.configurationFile=${join(configDir, 'tools-log4j2.properties')}`,
      '-cp',
      join(distribution.libs, '*'),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      serverConfig,
    ],
    { encoding: 'utf8', env },
  );
  if (format.status !== 0) {
    throw new Error(
      `formatting the Kafka data directory failed (exit ${format.status}):\n${format.stderr}${format.stdout}`,
    );
  }
}

/** KAFKA_HEAP_OPTS as Kafka's own scripts read it; 512 MB is plenty for one test node. */
function heapOptions(env: NodeJS.ProcessEnv): string[] {
  const custom = env.KAFKA_HEAP_OPTS?.trim();
  return custom ? custom.split(/\s+/) : ['-Xms256m', '-Xmx512m'];
}

async function waitForCluster(brokers: string, deadline: number): Promise<void> {
  const kafka = createKafka({
    brokers: [brokers],
    clientId: 'mangaassist-kafka-tool',
    logLevel: 'nothing',
    retry: { retries: 0 },
  });
  let lastError = 'not answering';
  while (Date.now() < deadline) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0 && cluster.controller !== null) return;
    } catch (error) {
      lastError = (error as Error).message;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await sleep(200);
  }
  throw new Error(`Kafka at ${brokers} did not answer describeCluster in time: ${lastError}`);
}

function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
