import { readSse } from './sse-reader';

async function* bytes(...parts: (string | Uint8Array)[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

async function all(body: AsyncIterable<Uint8Array>) {
  const events = [];
  for await (const event of readSse(body)) events.push(event);
  return events;
}

describe('readSse', () => {
  it('yields data events separated by blank lines, skipping comments', async () => {
    expect(
      await all(bytes(': keep-alive\n\n', 'data: {"a":1}\n\n', 'event: done\ndata: [DONE]\n\n')),
    ).toEqual([
      { event: undefined, data: '{"a":1}' },
      { event: 'done', data: '[DONE]' },
    ]);
  });

  it('joins multi-line data and accepts CRLF split across chunks', async () => {
    expect(await all(bytes('data: line one\r', '\ndata: line two\r\n', '\r\n'))).toEqual([
      { event: undefined, data: 'line one\nline two' },
    ]);
  });

  it('decodes a Japanese character split between two network chunks', async () => {
    const encoded = new TextEncoder().encode('data: {"t":"完結"}\n\n');
    const cut = encoded.indexOf(0xe5) + 1;
    const events = await all(bytes(encoded.slice(0, cut), encoded.slice(cut)));
    expect(events).toEqual([{ event: undefined, data: '{"t":"完結"}' }]);
  });

  it('still yields a last event that has no trailing blank line', async () => {
    expect(await all(bytes('data: tail'))).toEqual([{ event: undefined, data: 'tail' }]);
  });
});
