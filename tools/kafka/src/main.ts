import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheRoot, kafkaVersion, provisionKafka } from './lib/kafka-distribution';
import { startKafka } from './lib/kafka-broker';

const HELP = `Usage: node dist/tools/kafka/src/main.js <command> [options]

A single-node Apache Kafka (KRaft) for tests and \`npm run start:kafka\`, from Maven Central.
Needs Java 17+ and Maven; the jars are cached in ${cacheRoot()}/kafka-<version>
(and Maven's ~/.m2), so only the first run downloads (about 45 MB).

Commands:
  provision        download the broker's jars into the cache (prints the classpath directory)
  start            start a broker on 127.0.0.1 and keep it running until Ctrl-C / SIGTERM

Options for start:
  --port N             client port (default: a free port)
  --controller-port N  KRaft controller port (default: a free port)
  --data-dir DIR       data directory, reused if it holds a broker already
                       (default: a fresh temporary directory, deleted on exit)
  --keep-data          keep the temporary data directory on exit
  --json               print one JSON line {"brokers","port","controllerPort","dataDir","version",
                       "logFile"} on stdout once the broker is ready (for scripts)
  --verbose            echo the broker's log lines on stderr
  --stop-when-stdin-closes
                       stop the broker when stdin reaches its end (a parent process holding
                       the pipe died or let go): no broker outlives the tool that started it
  -h, --help           show this help

Environment: KAFKA_VERSION (default ${safeVersion()}), KAFKA_HEAP_OPTS (default -Xms256m -Xmx512m),
JAVA_HOME, MANGAASSIST_CACHE_DIR (default ~/.cache/mangaassist).
`;

function safeVersion(): string {
  try {
    return kafkaVersion();
  } catch {
    return '(invalid KAFKA_VERSION)';
  }
}

function portOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`--${name} must be a port number from 1 to 65535 (got "${value}")`);
  }
  return port;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'controller-port': { type: 'string' },
      'data-dir': { type: 'string' },
      'keep-data': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'stop-when-stdin-closes': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(HELP);
    if (!values.help) process.exitCode = 2;
    return;
  }
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"; see --help`);
  const progress = (line: string) => process.stderr.write(`${line}\n`);

  if (command === 'provision') {
    const distribution = await provisionKafka({ onProgress: progress });
    process.stdout.write(`${distribution.libs}\n`);
    return;
  }
  if (command !== 'start') throw new Error(`unknown command "${command}"; see --help`);

  const port = portOption('port', values.port);
  const controllerPort = portOption('controller-port', values['controller-port']);
  if (port !== undefined && port === controllerPort) {
    throw new Error('--port and --controller-port must differ');
  }
  const started = Date.now();
  const kafka = await startKafka({
    port,
    controllerPort,
    dataDir: values['data-dir'] === undefined ? undefined : resolve(values['data-dir']),
    keepData: values['keep-data'],
    onProgress: progress,
    onLine: values.verbose ? (line) => process.stderr.write(`kafka | ${line}\n`) : undefined,
  });
  const info = {
    brokers: kafka.brokers,
    port: kafka.port,
    controllerPort: kafka.controllerPort,
    dataDir: kafka.dataDir,
    version: kafka.version,
    logFile: kafka.logFile,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(info)}\n`);
  progress(
    `kafka: Apache Kafka ${kafka.version} ready at ${kafka.brokers} in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${kafka.logFile}); Ctrl-C stops it`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    progress(`kafka: ${signal}, stopping the broker`);
    await kafka.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (values['stop-when-stdin-closes']) {
    process.stdin.on('end', () => void stop('stdin closed')).resume();
  }
  const code = await kafka.exited;
  if (!stopping) {
    progress(`kafka: the broker exited unexpectedly (code ${code}); see ${kafka.logFile}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`kafka: ${(error as Error).message}\n`);
  process.exit(1);
});
