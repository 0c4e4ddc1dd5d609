import { parseArgs } from 'node:util';
import { KNN_VERSION, OPENSEARCH_VERSION } from './lib/distribution';
import { findJava } from './lib/java-runtime';
import { defaultCacheDir, provisionOpenSearch } from './lib/provision';
import { startOpenSearch } from './lib/start-opensearch';

const HELP = `Usage: node tools/run-entry.mjs opensearch tools/opensearch/src/main.ts <command> [options]

Provisions and runs a real single-node OpenSearch ${OPENSEARCH_VERSION} with the k-NN plugin
(${KNN_VERSION}, Lucene engine), assembled from Maven Central artifacts only.

Commands:
  provision   resolve (cached in ~/.m2) and assemble the node into the cache; prints the
              install as JSON on stdout
  start       provision if needed, start the node on 127.0.0.1 with a fresh data directory,
              print {"url": ...} as JSON on stdout once it is ready, and keep it running
              until Ctrl-C (or SIGTERM), then stop it and remove its data

Options:
  --port <n>        HTTP port (default: a free one)
  --heap-mb <n>     JVM heap in MiB (default 512)
  --keep-run-dir    keep config, data and logs after stop
  --verbose         print the node's log on stderr
  -h, --help        show this help

Progress goes to stderr. Needs Maven (mvn) and Java 11-21 (17 preferred). As root the node
runs as uid/gid 65534 via setpriv.

Environment:
  MANGAASSIST_CACHE_DIR   where installs are cached (now: ${defaultCacheDir()})
  OPENSEARCH_JAVA_HOME    the Java to run the node with (default: a Java 17 found on the machine)
`;

const progress = (line: string) => process.stderr.write(`opensearch: ${line}\n`);

function positiveInt(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new UsageError(`--${name} must be an integer from 1 to ${max} (got "${value}")`);
  }
  return parsed;
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'heap-mb': { type: 'string' },
      'keep-run-dir': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if (command === 'provision') {
    const install = await provisionOpenSearch({ progress });
    const java = findJava();
    process.stdout.write(
      `${JSON.stringify({ ...install, javaHome: java.home, javaMajor: java.major })}\n`,
    );
    return 0;
  }
  if (command !== 'start')
    throw new UsageError(`unknown command "${command}" (provision or start)`);

  const node = await startOpenSearch({
    httpPort: positiveInt('port', values.port, 65535),
    heapMb: positiveInt('heap-mb', values['heap-mb'], 32_768),
    keepRunDir: values['keep-run-dir'],
    progress,
    onLog: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  process.stdout.write(`${JSON.stringify({ url: node.url, version: node.install.version })}\n`);
  progress(
    `running; Ctrl-C stops it${values['keep-run-dir'] ? ` (run dir kept: ${node.runDir})` : ''}`,
  );
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    if (!stopping) {
      progress(`${signal}: stopping`);
      stopping = node.stop();
    }
    return stopping;
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const code = await node.exited;
  if (stopping) {
    await stopping;
    progress('stopped');
    return 0;
  }
  progress(`the node exited unexpectedly (code ${code})`);
  await node.stop();
  return 1;
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`opensearch: ${error instanceof Error ? error.message : String(error)}\n`);
    if (usage) process.stderr.write('Run with --help for usage.\n');
    process.exitCode = usage ? 2 : 1;
  },
);
