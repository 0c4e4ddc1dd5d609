import { S3ServiceException } from '@aws-sdk/client-s3';
import { describeArchiveStoreContract } from '../archive-store.contract';
import { FakeS3Bucket } from '../testing/fake-s3-bucket';
import { S3ArchiveStore, normalizePrefix } from './s3.archive-store';

function underTest(prefix: string) {
  const bucket = new FakeS3Bucket('mangaassist-retraining');
  const store = new S3ArchiveStore(bucket.client, { bucket: bucket.bucket, prefix });
  const normalized = normalizePrefix(prefix);
  return {
    bucket,
    store,
    objects: async () =>
      new Map(
        [...bucket.objects]
          .filter(([key]) => key.startsWith(normalized))
          .map(([key, o]) => [key.slice(normalized.length), o.body]),
      ),
    teardown: async () => bucket.restore(),
  };
}

describeArchiveStoreContract('S3 (aws-sdk-client-mock)', async () => underTest('retraining-queue'));
describeArchiveStoreContract('S3 at the bucket root', async () => underTest(''));

describe('S3ArchiveStore at the SDK boundary', () => {
  it('sends PutObject to the bucket with the prefix, the content type and the exact bytes', async () => {
    const { bucket, store } = underTest('/exports/retraining');
    expect(store.location).toBe('s3://mangaassist-retraining/exports/retraining/');
    const body = new Uint8Array([0x50, 0x41, 0x52, 0x31]);
    await store.putObject('dt=2025-04-01/part-1.parquet', body, 'application/vnd.apache.parquet');
    expect(bucket.puts()).toEqual([
      {
        Bucket: 'mangaassist-retraining',
        Key: 'exports/retraining/dt=2025-04-01/part-1.parquet',
        Body: body,
        ContentType: 'application/vnd.apache.parquet',
      },
    ]);
    bucket.restore();
  });

  it('creates the checkpoint with If-None-Match: * and replaces it with If-Match on its ETag', async () => {
    const { bucket, store } = underTest('q/');
    const etag = await store.writeCheckpoint('{"a":1}', undefined);
    await store.writeCheckpoint('{"a":2}', etag);
    expect(
      bucket.puts().map(({ Key, IfMatch, IfNoneMatch, ContentType }) => ({
        Key,
        IfMatch,
        IfNoneMatch,
        ContentType,
      })),
    ).toEqual([
      {
        Key: 'q/_checkpoint.json',
        IfNoneMatch: '*',
        IfMatch: undefined,
        ContentType: 'application/json',
      },
      {
        Key: 'q/_checkpoint.json',
        IfNoneMatch: undefined,
        IfMatch: etag,
        ContentType: 'application/json',
      },
    ]);
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    bucket.restore();
  });

  it('treats 409 ConditionalRequestConflict as losing the race too', async () => {
    const { bucket, store } = underTest('q/');
    bucket.mock.reset();
    bucket.mock.rejects(
      new S3ServiceException({
        name: 'ConditionalRequestConflict',
        $fault: 'client',
        message: 'A conflicting conditional operation is currently in progress',
        $metadata: { httpStatusCode: 409 },
      }),
    );
    await expect(store.writeCheckpoint('{}', undefined)).rejects.toThrow(
      /s3:\/\/mangaassist-retraining\/q\/_checkpoint.json was changed by another writer/,
    );
    bucket.restore();
  });

  it('passes other S3 errors through unchanged', async () => {
    const { bucket, store } = underTest('q/');
    bucket.mock.reset();
    const denied = new S3ServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      message: 'Access Denied',
      $metadata: { httpStatusCode: 403 },
    });
    bucket.mock.rejects(denied);
    await expect(store.readCheckpoint()).rejects.toBe(denied);
    await expect(store.putObject('a.parquet', new Uint8Array(1), 'x/y')).rejects.toBe(denied);
    bucket.restore();
  });
});
