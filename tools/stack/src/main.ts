import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startStack } from '@mangaassist/stack';

const HELP = `Usage: npm start [-- options]

Builds (cached) and starts the whole MangaAssist stack on this machine: guardrails, intent,
retrieval, rerank, generation, feedback, retraining-queue and the gateway, each as its own
process on embedded defaults (local event log, in-process index, local answer composer).
Waits until every service reports healthy, then prints the chat URL. Ctrl-C stops them all.

Options:
  --quiet        print only warnings and errors of the services
  -h, --help     show this help

Environment: every service variable is honoured (see README), e.g. GATEWAY_PORT=9090.
`;

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const root = resolve(__dirname, '../../../..');
  const color = new Map<string, number>();
  const tty = process.stdout.isTTY;
  const label = (service: string) => {
    if (!color.has(service)) color.set(service, COLORS[color.size % COLORS.length]);
    const name = service.padEnd(16);
    return tty ? `\u001b[${color.get(service)}m${name}\u001b[0m` : name;
  };
  process.stdout.write('Starting MangaAssist (8 services)...\n');
  const startedAt = Date.now();
  const stack = await startStack({
    root,
    onLine: (service, line, stream) => {
      if (values.quiet && stream === 'stdout' && !/WARN|ERROR|"level":"(warn|error)"/.test(line))
        return;
      (stream === 'stderr' ? process.stderr : process.stdout).write(
        `${label(service)} | ${line}\n`,
      );
    },
    onReady: (service, ms) =>
      process.stdout.write(`${label(service)} | ready after ${(ms / 1000).toFixed(2)} s\n`),
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(2);
  process.stdout.write(
    `\nMangaAssist is ready in ${seconds} s.\n  Chat page:  ${stack.gatewayUrl}/\n  API:        POST ${stack.gatewayUrl}/v1/chat\n  Terminal:   npm run chat -- "ONE PIECEは何巻まで出ていますか？"\nPress Ctrl-C to stop.\n\n`,
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping all services...\n`);
    await stack.stop();
    process.stdout.write('All services stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const crash = await stack.exited;
  if (!stopping) {
    process.stderr.write(
      `\n${crash.service} exited unexpectedly (code ${crash.code}); stopping the stack.\n`,
    );
    await stack.stop();
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${(error as Error).message}\n`);
  process.exit(1);
});
