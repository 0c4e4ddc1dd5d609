import { parseArgs } from 'node:util';
import { benchChatTurns } from './chat-turns.bench';

const HELP = `Usage: npm run bench:turns [-- --requests N]

Starts the whole stack on free ports (as npm start does) and measures sequential chat turns
through POST /v1/chat. Progress goes to stderr; one JSON object goes to stdout:
  {"bench","requests","time_to_ready_s","latency_ms":{"p50","p90","p99","mean","max"},"errors"}

Options:
  --requests N   number of measured turns (default 100)
  -h, --help     show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '100' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const requests = Number(values.requests);
  if (!Number.isInteger(requests) || requests < 1 || requests > 100_000) {
    throw new Error('--requests must be an integer from 1 to 100000');
  }
  const result = await benchChatTurns(requests, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
