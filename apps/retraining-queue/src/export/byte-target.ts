/**
 * Where an export's bytes go. A file target publishes them all at once on commit and leaves
 * nothing behind on abort; a stream target (stdout) cannot take back what it wrote.
 */
export interface ByteTarget {
  /** A name for messages: the final path, or "stdout". */
  readonly name: string;
  /** Bytes written so far. */
  readonly bytes: number;
  write(chunk: Uint8Array | string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}
