import WebSocket from 'ws';

export interface ChatOptions {
  baseUrl: string;
  message: string;
  sessionId?: string;
  locale?: string;
  json: boolean;
}

export interface ChatOutput {
  out(text: string): void;
  err(text: string): void;
}

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

/**
 * Sends one message over the gateway's WebSocket, writes deltas as they arrive, then the
 * sources and ids from the final frame. Resolves with the process exit code.
 */
export function streamChat(options: ChatOptions, output: ChatOutput): Promise<number> {
  const wsUrl = `${options.baseUrl.replace(/^http/, 'ws').replace(/\/$/, '')}/v1/chat/stream`;
  const socket = new WebSocket(wsUrl);
  return new Promise<number>((resolve) => {
    socket.on('error', (error) => {
      output.err(
        `cannot reach the gateway at ${options.baseUrl}: ${error.message}\nIs the stack running (npm start)?\n`,
      );
      resolve(1);
    });
    socket.on('open', () => {
      const frame: Record<string, string> = { type: 'chat', message: options.message };
      if (options.sessionId) frame.sessionId = options.sessionId;
      if (options.locale) frame.locale = options.locale;
      socket.send(JSON.stringify(frame));
    });
    socket.on('close', () => resolve(1));
    let streamed = '';
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as {
        type: string;
        text?: string;
        message?: string;
        code?: string;
      };
      if (frame.type === 'delta') {
        streamed += frame.text ?? '';
        if (!options.json) output.out(frame.text ?? '');
      } else if (frame.type === 'final') {
        const final = frame as unknown as FinalFrame;
        if (options.json) {
          output.out(`${JSON.stringify(final, null, 2)}\n`);
        } else {
          if (final.replaced || streamed !== final.answer)
            output.out(`\n[answer replaced by guardrails]\n${final.answer}`);
          const sources = final.citations.map((c) => `${c.title} (${c.id})`).join(', ');
          output.out(
            `\n\n${sources ? `sources: ${sources}\n` : ''}intent: ${final.intent}  route: ${final.route}\ntrace: ${final.traceId}  session: ${final.sessionId}\n`,
          );
        }
        resolve(0);
        socket.close();
      } else if (frame.type === 'error') {
        output.err(`\nerror (${frame.code}): ${frame.message}\n`);
        resolve(1);
        socket.close();
      }
    });
  });
}
