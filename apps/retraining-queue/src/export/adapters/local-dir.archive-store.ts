import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  type ArchiveStore,
  CHECKPOINT_KEY,
  CheckpointConflictError,
  type VersionedCheckpoint,
  assertArchiveKey,
} from '../archive-store';
import { AtomicFileTarget } from './atomic-file.target';

/**
 * The embedded archive: the same key layout as S3 under a local directory, readable by
 * DuckDB or pandas as a Hive-partitioned dataset. Every file appears whole (temp + rename).
 * The checkpoint version is a hash of its content; the compare and the replace are two
 * steps, which is enough for the one process that owns the directory.
 */
export class LocalDirArchiveStore implements ArchiveStore {
  readonly root: string;
  readonly location: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.location = `${this.root}/`;
  }

  async putObject(key: string, body: Uint8Array): Promise<void> {
    assertArchiveKey(key);
    await this.writeWhole(key, body);
  }

  async readCheckpoint(): Promise<VersionedCheckpoint | undefined> {
    try {
      const body = await readFile(join(this.root, CHECKPOINT_KEY), 'utf8');
      return { body, version: versionOf(body) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async writeCheckpoint(body: string, expectedVersion: string | undefined): Promise<string> {
    const current = await this.readCheckpoint();
    if (current?.version !== expectedVersion) {
      throw new CheckpointConflictError(
        `${this.location}${CHECKPOINT_KEY} was changed by another writer`,
      );
    }
    await this.writeWhole(CHECKPOINT_KEY, body);
    return versionOf(body);
  }

  private async writeWhole(key: string, body: Uint8Array | string): Promise<void> {
    const path = join(this.root, key);
    await mkdir(dirname(path), { recursive: true });
    const target = await AtomicFileTarget.create(path);
    try {
      await target.write(body);
      await target.commit();
    } catch (error) {
      await target.abort();
      throw error;
    }
  }
}

function versionOf(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
