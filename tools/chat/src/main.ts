import { parseArgs } from 'node:util';
import { streamChat } from './chat-client';

const HELP = `Usage: npm run chat -- [options] "<message>"

Streams one answer from the running stack (start it with npm start) to the terminal.

Options:
  --url <url>         gateway base URL (default http://127.0.0.1:8080, or MANGAASSIST_URL)
  --session <id>      continue a session
  --locale <ja|en>    answer language (default: detected from the message)
  --json              print the final frame as JSON instead of text
  -h, --help          show this help
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env.MANGAASSIST_URL ?? 'http://127.0.0.1:8080' },
      session: { type: 'string' },
      locale: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const message = positionals.join(' ').trim();
  if (values.help || !message) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  return streamChat(
    {
      baseUrl: values.url,
      message,
      sessionId: values.session,
      locale: values.locale,
      json: values.json,
    },
    { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
