import { randomUUID } from 'node:crypto';
import { type FileHandle, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ByteTarget } from '../byte-target';

/**
 * Writes into a hidden temporary file beside the destination and renames it into place on
 * commit: a reader sees the old file or the whole new one, and a failed or interrupted export
 * leaves no half-written file under the destination's name.
 */
export class AtomicFileTarget implements ByteTarget {
  private written = 0;
  private finished = false;

  private constructor(
    readonly name: string,
    private readonly tempPath: string,
    private readonly handle: FileHandle,
  ) {}

  /** Fails with a message naming the path when its directory is missing or it is a directory. */
  static async create(path: string): Promise<AtomicFileTarget> {
    const destination = resolve(path);
    const dir = dirname(destination);
    const dirStat = await stat(dir).catch(() => undefined);
    if (!dirStat?.isDirectory()) throw new Error(`directory ${dir} does not exist`);
    const existing = await stat(destination).catch(() => undefined);
    if (existing?.isDirectory()) throw new Error(`${destination} is a directory`);
    // Same directory, so the rename never crosses file systems and stays atomic.
    const tempPath = join(dir, `.${basename(destination)}.${randomUUID().slice(0, 8)}.tmp`);
    const handle = await open(tempPath, 'wx', 0o644);
    return new AtomicFileTarget(destination, tempPath, handle);
  }

  get bytes(): number {
    return this.written;
  }

  /** The temporary file's path, while the export runs (tests check it is cleaned up). */
  get pendingPath(): string {
    return this.tempPath;
  }

  async write(chunk: Uint8Array | string): Promise<void> {
    const { bytesWritten } =
      typeof chunk === 'string'
        ? await this.handle.write(chunk, null, 'utf8')
        : await this.handle.write(chunk);
    this.written += bytesWritten;
  }

  async commit(): Promise<void> {
    if (this.finished) throw new Error(`${this.name} was already finished`);
    this.finished = true;
    try {
      // Durable before visible: after a crash the new name never points at missing data.
      await this.handle.sync();
      await this.handle.close();
      await rename(this.tempPath, this.name);
    } catch (error) {
      await rm(this.tempPath, { force: true });
      throw error;
    }
    await syncDirectory(dirname(this.name));
  }

  async abort(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.handle.close().catch(() => undefined);
    await rm(this.tempPath, { force: true });
  }
}

/** Persists the rename itself; some file systems refuse to fsync a directory, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
