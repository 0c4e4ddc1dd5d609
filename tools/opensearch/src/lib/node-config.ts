export interface NodeSettings {
  httpPort: number;
  transportPort: number;
  dataDir: string;
  logsDir: string;
  tmpDir: string;
  heapMb: number;
  clusterName: string;
}

// JSON strings are valid YAML scalars, so paths and names need no YAML escaping rules.
const yaml = (value: string | number | boolean) =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

/** opensearch.yml of a private single-node cluster on loopback. */
export function renderOpenSearchYml(settings: NodeSettings): string {
  const entries: [string, string | number | boolean][] = [
    ['cluster.name', settings.clusterName],
    ['node.name', 'mangaassist-node'],
    ['discovery.type', 'single-node'],
    ['network.host', '127.0.0.1'],
    ['http.port', settings.httpPort],
    ['transport.port', settings.transportPort],
    ['path.data', settings.dataDir],
    ['path.logs', settings.logsDir],
    // Shared CI disks run nearly full; the watermarks would turn indices read-only mid-test.
    ['cluster.routing.allocation.disk.threshold_enabled', false],
    ['bootstrap.memory_lock', false],
  ];
  return entries.map(([key, value]) => `${key}: ${yaml(value)}`).join('\n') + '\n';
}

/**
 * jvm.options with absolute paths only: the stock file writes GC logs and heap dumps relative
 * to the working directory, which the unprivileged user cannot write.
 */
export function renderJvmOptions(settings: NodeSettings): string {
  return [
    `-Xms${settings.heapMb}m`,
    `-Xmx${settings.heapMb}m`,
    '-XX:+UseG1GC',
    `-Djava.io.tmpdir=${settings.tmpDir}`,
    `-XX:ErrorFile=${settings.logsDir}/hs_err_pid%p.log`,
    '-Xlog:disable',
    '-Xlog:all=warning:stderr',
    // Java 18+ refuses System.setSecurityManager unless allowed; OpenSearch 2.x installs one.
    '18-:-Djava.security.manager=allow',
    '-Djava.util.concurrent.ForkJoinPool.common.threadFactory=org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory',
    '',
  ].join('\n');
}

/** Console logging only: the launcher keeps the tail in memory for error messages. */
export function renderLog4j2Properties(): string {
  return [
    'status = error',
    'appender.console.type = Console',
    'appender.console.name = console',
    'appender.console.layout.type = PatternLayout',
    'appender.console.layout.pattern = [%d{ISO8601}][%-5p][%c{1.}] %m%n',
    'rootLogger.level = info',
    'rootLogger.appenderRef.console.ref = console',
    '',
  ].join('\n');
}
