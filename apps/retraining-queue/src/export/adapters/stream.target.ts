import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ByteTarget } from '../byte-target';

/** Writes to an open stream such as stdout, waiting for it to drain so memory stays bounded. */
export class StreamTarget implements ByteTarget {
  private written = 0;

  constructor(
    private readonly stream: Writable,
    readonly name = 'stdout',
  ) {}

  get bytes(): number {
    return this.written;
  }

  async write(chunk: Uint8Array | string): Promise<void> {
    this.written += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    // Nothing to publish: the reader has had every line as it was written.
  }

  async abort(): Promise<void> {
    // What reached a stream cannot be taken back; the CLI's exit status reports the failure.
  }
}
