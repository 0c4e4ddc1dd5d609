import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  type ArchiveStore,
  CHECKPOINT_KEY,
  CheckpointConflictError,
  type VersionedCheckpoint,
  assertArchiveKey,
} from '../archive-store';

export interface S3ArchiveStoreOptions {
  bucket: string;
  /** Key prefix of the archive, e.g. "retraining-queue/"; a missing trailing slash is added. */
  prefix: string;
}

/**
 * The production archive: objects in an S3 bucket under a prefix. The checkpoint is advanced
 * with S3 conditional writes (If-Match on its ETag, If-None-Match: * for the first one), so a
 * second archiver pointed at the same prefix fails loudly instead of interleaving.
 * Needs s3:PutObject and s3:GetObject on the prefix, and s3:ListBucket so that a missing
 * checkpoint reads as 404 rather than 403.
 */
export class S3ArchiveStore implements ArchiveStore {
  readonly location: string;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(
    private readonly s3: S3Client,
    options: S3ArchiveStoreOptions,
  ) {
    this.bucket = options.bucket;
    this.prefix = normalizePrefix(options.prefix);
    this.location = `s3://${this.bucket}/${this.prefix}`;
  }

  async putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
    assertArchiveKey(key);
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.prefix + key,
        Body: body,
        ContentType: contentType,
      }),
    );
  }

  async readCheckpoint(): Promise<VersionedCheckpoint | undefined> {
    try {
      const response = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + CHECKPOINT_KEY }),
      );
      if (!response.Body || !response.ETag) {
        throw new Error(`${this.location}${CHECKPOINT_KEY} came back without a body or an ETag`);
      }
      return { body: await response.Body.transformToString('utf-8'), version: response.ETag };
    } catch (error) {
      if (error instanceof NoSuchKey || statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async writeCheckpoint(body: string, expectedVersion: string | undefined): Promise<string> {
    try {
      const response = await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.prefix + CHECKPOINT_KEY,
          Body: body,
          ContentType: 'application/json',
          ...(expectedVersion === undefined ? { IfNoneMatch: '*' } : { IfMatch: expectedVersion }),
        }),
      );
      if (!response.ETag) throw new Error(`S3 returned no ETag for ${CHECKPOINT_KEY}`);
      return response.ETag;
    } catch (error) {
      // 412: the condition failed; 409: a concurrent conditional write to the same key won.
      const status = statusOf(error);
      if (status === 412 || status === 409) {
        throw new CheckpointConflictError(
          `${this.location}${CHECKPOINT_KEY} was changed by another writer`,
        );
      }
      throw error;
    }
  }
}

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}
