import { parseArgs } from 'node:util';
import WebSocket from 'ws';

const HELP = `Usage: npm run chat -- [options] "<message>"

Streams one answer from the running stack (start it with npm start) to the terminal.

Options:
  --url <url>         gateway base URL (default http://127.0.0.1:8080, or MANGAASSIST_URL)
  --session <id>      continue a session
  --locale <ja|en>    answer language (default: detected from the message)
  --json              print the final frame as JSON instead of text
  -h, --help          show this help
`;

interface FinalFrame {
  type: 'final';
  traceId: string;
  sessionId: string;
  intent: string;
  route: string;
  answer: string;
  citations: { id: string; title: string }[];
  replaced: boolean;
}

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
  const wsUrl = `${values.url.replace(/^http/, 'ws').replace(/\/$/, '')}/v1/chat/stream`;
  const socket = new WebSocket(wsUrl);
  return new Promise<number>((resolve) => {
    socket.on('error', (error) => {
      process.stderr.write(
        `cannot reach the gateway at ${values.url}: ${error.message}\nIs the stack running (npm start)?\n`,
      );
      resolve(1);
    });
    socket.on('open', () => {
      const frame: Record<string, string> = { type: 'chat', message };
      if (values.session) frame.sessionId = values.session;
      if (values.locale) frame.locale = values.locale;
      socket.send(JSON.stringify(frame));
    });
    let streamed = '';
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as {
        type: string;
        text?: string;
        message?: string;
        code?: string;
      };
      if (frame.type === 'delta' && !values.json) {
        streamed += frame.text ?? '';
        process.stdout.write(frame.text ?? '');
      } else if (frame.type === 'final') {
        const final = frame as unknown as FinalFrame;
        if (values.json) {
          process.stdout.write(`${JSON.stringify(final, null, 2)}\n`);
        } else {
          if (final.replaced || streamed !== final.answer)
            process.stdout.write(`\n[answer replaced by guardrails]\n${final.answer}`);
          const sources = final.citations.map((c) => `${c.title} (${c.id})`).join(', ');
          process.stdout.write(
            `\n\n${sources ? `sources: ${sources}\n` : ''}intent: ${final.intent}  route: ${final.route}\ntrace: ${final.traceId}  session: ${final.sessionId}\n`,
          );
        }
        socket.close();
        resolve(0);
      } else if (frame.type === 'error') {
        process.stderr.write(`\nerror (${frame.code}): ${frame.message}\n`);
        socket.close();
        resolve(1);
      }
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
