import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { streamChat } from './chat-client';

/** A stand-in gateway speaking the real frame protocol, to check what the CLI prints. */
function fakeGateway(
  reply: (message: Record<string, string>) => object[],
): Promise<{ url: string; server: Server }> {
  const server = createServer();
  const wss = new WebSocketServer({ server, path: '/v1/chat/stream' });
  wss.on('connection', (socket) =>
    socket.on('message', (data) => {
      for (const frame of reply(JSON.parse(String(data)))) socket.send(JSON.stringify(frame));
    }),
  );
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, server });
    }),
  );
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    output: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) },
  };
}

describe('streamChat', () => {
  it('prints deltas as they come, then sources and ids', async () => {
    let received: Record<string, string> = {};
    const { url, server } = await fakeGateway((message) => {
      received = message;
      return [
        { type: 'delta', text: 'ONE PIECEは' },
        { type: 'delta', text: '116巻です。' },
        {
          type: 'final',
          traceId: 't'.repeat(32),
          sessionId: 's1',
          intent: 'product_question',
          route: 'rag',
          answer: 'ONE PIECEは116巻です。',
          citations: [{ id: 'MA-0001', title: 'ONE PIECE' }],
          replaced: false,
        },
      ];
    });
    const { out, output } = capture();
    const code = await streamChat(
      { baseUrl: url, message: 'ONE PIECEは何巻？', sessionId: 's1', json: false },
      output,
    );
    server.close();
    expect(code).toBe(0);
    expect(received).toEqual({ type: 'chat', message: 'ONE PIECEは何巻？', sessionId: 's1' });
    expect(out.slice(0, 2)).toEqual(['ONE PIECEは', '116巻です。']);
    expect(out.join('')).toContain('sources: ONE PIECE (MA-0001)');
    expect(out.join('')).toContain('intent: product_question  route: rag');
  });

  it('shows the replacement when guardrails replaced the streamed answer', async () => {
    const { url, server } = await fakeGateway(() => [
      { type: 'delta', text: 'One Piece has 120 volumes.' },
      {
        type: 'final',
        traceId: 't'.repeat(32),
        sessionId: 's',
        intent: 'product_question',
        route: 'rag',
        answer: "Sorry, I couldn't verify that.",
        citations: [],
        replaced: true,
      },
    ]);
    const { out, output } = capture();
    expect(
      await streamChat({ baseUrl: url, message: 'How many volumes?', json: false }, output),
    ).toBe(0);
    server.close();
    expect(out.join('')).toContain(
      "[answer replaced by guardrails]\nSorry, I couldn't verify that.",
    );
  });

  it('reports an error frame and a missing gateway with exit code 1', async () => {
    const { url, server } = await fakeGateway(() => [
      { type: 'error', code: 'invalid_request', message: 'message: must not be empty' },
    ]);
    const first = capture();
    expect(await streamChat({ baseUrl: url, message: ' ', json: false }, first.output)).toBe(1);
    server.close();
    expect(first.err.join('')).toContain('error (invalid_request): message: must not be empty');
    const second = capture();
    expect(
      await streamChat(
        { baseUrl: 'http://127.0.0.1:1', message: 'hi', json: false },
        second.output,
      ),
    ).toBe(1);
    expect(second.err.join('')).toContain('Is the stack running');
  });
});
