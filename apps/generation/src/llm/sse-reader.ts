/** One server-sent event: its data lines joined, and its event name when it has one. */
export interface SseEvent {
  event: string | undefined;
  data: string;
}

/**
 * Parses a text/event-stream body (the WHATWG format: events separated by a blank line,
 * `data:` lines joined with newlines, comments starting with ':'), yielding each event as
 * soon as its blank line arrives. CRLF and LF line ends are both accepted.
 */
export async function* readSse(body: AsyncIterable<Uint8Array>): AsyncIterable<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event: string | undefined;
  const lines = function* (final: boolean): Generator<string> {
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      if (end < 0) break;
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (!final && end === buffer.length - 1 && buffer[end] === '\r') break;
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      yield line;
    }
    if (final && buffer !== '') {
      const line = buffer;
      buffer = '';
      yield line;
    }
  };
  const take = function* (final: boolean): Generator<SseEvent> {
    for (const line of lines(final)) {
      if (line === '') {
        if (data.length > 0) yield { event, data: data.join('\n') };
        data = [];
        event = undefined;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
    }
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    yield* take(false);
  }
  buffer += decoder.decode();
  yield* take(true);
  if (data.length > 0) yield { event, data: data.join('\n') };
}
