import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type KafkaProcess, startKafkaProcess, startStack } from '@mangaassist/stack';

const HELP = `Usage: npm start [-- options]

Builds (cached) and starts the whole MangaAssist stack on this machine: guardrails, intent,
retrieval, rerank, generation, feedback, retraining-queue and the gateway, each as its own
process on embedded defaults (local event log, in-process index, local answer composer).
Waits until every service reports healthy, then prints the chat URL. Ctrl-C stops them all.

Options:
  --event-bus B    local (default): the local event log in .var/events.db;
                   kafka: provision (first run: ~45 MB from Maven Central) and start an Apache
                   Kafka broker on 127.0.0.1, data in .var/kafka, and run every service on it
                   (\`npm run start:kafka\`). Ctrl-C stops the services, then the broker.
  --kafka-port N   the broker's client port with --event-bus kafka (default 9092)
  --quiet          print only warnings and errors of the services
  -h, --help       show this help

Environment: every service variable is honoured (see README), e.g. GATEWAY_PORT=9090.
`;

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quiet: { type: 'boolean', default: false },
      'event-bus': { type: 'string', default: 'local' },
      'kafka-port': { type: 'string', default: '9092' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const eventBus = values['event-bus'];
  if (eventBus !== 'local' && eventBus !== 'kafka') {
    throw new Error(`--event-bus must be local or kafka (got "${eventBus}")`);
  }
  const kafkaPort = Number(values['kafka-port']);
  if (!Number.isInteger(kafkaPort) || kafkaPort < 1 || kafkaPort > 65535) {
    throw new Error(`--kafka-port must be a port number (got "${values['kafka-port']}")`);
  }
  const root = resolve(__dirname, '../../../..');
  const color = new Map<string, number>();
  const tty = process.stdout.isTTY;
  const label = (service: string) => {
    if (!color.has(service)) color.set(service, COLORS[color.size % COLORS.length]);
    const name = service.padEnd(16);
    return tty ? `\u001b[${color.get(service)}m${name}\u001b[0m` : name;
  };
  const startedAt = Date.now();
  let kafka: KafkaProcess | undefined;
  const env: NodeJS.ProcessEnv = {};
  if (eventBus === 'kafka') {
    process.stdout.write(
      'Starting Apache Kafka (the first run provisions it from Maven Central)...\n',
    );
    kafka = await startKafkaProcess({
      root,
      port: kafkaPort,
      // Kept across runs like .var/events.db, so earlier events and group offsets survive.
      dataDir: join(root, '.var', 'kafka'),
      onLine: (line) => process.stdout.write(`${label('kafka')} | ${line}\n`),
    });
    env.EVENT_BUS = 'kafka';
    env.KAFKA_BROKERS = kafka.brokers;
  }
  process.stdout.write(`Starting MangaAssist (8 services, event bus: ${eventBus})...\n`);
  const stack = await startStack({
    root,
    env,
    onLine: (service, line, stream) => {
      if (values.quiet && stream === 'stdout' && !/WARN|ERROR|"level":"(warn|error)"/.test(line))
        return;
      (stream === 'stderr' ? process.stderr : process.stdout).write(
        `${label(service)} | ${line}\n`,
      );
    },
    onReady: (service, ms) =>
      process.stdout.write(`${label(service)} | ready after ${(ms / 1000).toFixed(2)} s\n`),
  }).catch(async (error: unknown) => {
    await kafka?.stop();
    throw error;
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(2);
  const busLine = kafka
    ? `\n  Kafka:      ${kafka.brokers} (Apache Kafka ${kafka.version}, log ${kafka.logFile})`
    : '';
  process.stdout.write(
    `\nMangaAssist is ready in ${seconds} s.\n  Chat page:  ${stack.gatewayUrl}/\n  API:        POST ${stack.gatewayUrl}/v1/chat\n  Terminal:   npm run chat -- "ONE PIECEは何巻まで出ていますか？"${busLine}\nPress Ctrl-C to stop.\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping all services...\n`);
    await stack.stop();
    process.stdout.write('All services stopped.\n');
    if (kafka) {
      await kafka.stop();
      process.stdout.write('Kafka stopped.\n');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const brokerExit = kafka?.exited.then((code) => ({ service: 'kafka', code }));
  const crash = await Promise.race([stack.exited, ...(brokerExit ? [brokerExit] : [])]);
  if (!stopping) {
    process.stderr.write(
      `\n${crash.service} exited unexpectedly (code ${crash.code}); stopping the stack.\n`,
    );
    await stack.stop();
    await kafka?.stop();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
  process.exit(1);
});
