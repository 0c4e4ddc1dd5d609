/** A stored checkpoint with the version a conditional replace must name. */
export interface VersionedCheckpoint {
  body: string;
  version: string;
}

/**
 * Where the archive of the retraining queue lives: immutable Parquet objects under
 * date-partitioned keys, plus one small checkpoint that says how far the archive has got.
 * Production writes to S3; the embedded default to a local directory.
 */
export interface ArchiveStore {
  /** Where objects go, for messages: s3://bucket/prefix/ or a directory path. */
  readonly location: string;
  /** Stores a whole object under a key relative to the archive root; readers never see part of it. */
  putObject(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The checkpoint, or undefined before the first archive run. */
  readCheckpoint(): Promise<VersionedCheckpoint | undefined>;
  /**
   * Replaces the checkpoint only if it is still at `expectedVersion` (undefined: only if there
   * is none yet), and returns the new version. Two archivers racing cannot both advance it.
   */
  writeCheckpoint(body: string, expectedVersion: string | undefined): Promise<string>;
}

export const ARCHIVE_STORE = Symbol('ARCHIVE_STORE');

/** The checkpoint's key; Hive-style readers skip names starting with an underscore. */
export const CHECKPOINT_KEY = '_checkpoint.json';

/** Another writer changed the checkpoint since it was read. */
export class CheckpointConflictError extends Error {
  override readonly name = 'CheckpointConflictError';
}

const KEY = /^(?!\/)[A-Za-z0-9=._-]+(?:\/[A-Za-z0-9=._-]+)*$/;

/** Keys are relative paths of safe characters, so no key can escape the archive root. */
export function assertArchiveKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new Error(`invalid archive key "${key}"`);
  }
}
