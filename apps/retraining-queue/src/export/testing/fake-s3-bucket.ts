import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandInput,
  type GetObjectCommandOutput,
  NoSuchBucket,
  NoSuchKey,
  PutObjectCommand,
  type PutObjectCommandInput,
  type PutObjectCommandOutput,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
// The same mixin the SDK wraps a real HTTP response body with.
import { sdkStreamMixin } from '@smithy/core/serde';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';

export interface StoredObject {
  body: Uint8Array;
  etag: string;
  contentType: string | undefined;
}

/**
 * One S3 bucket behind aws-sdk-client-mock: the adapter under test sends real PutObject and
 * GetObject commands through a real S3Client, and this answers them as S3 does, including
 * conditional writes (If-Match, If-None-Match: *), NoSuchKey and quoted MD5 ETags.
 */
export class FakeS3Bucket {
  readonly client = new S3Client({
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  readonly mock: AwsClientStub<S3Client>;
  readonly objects = new Map<string, StoredObject>();
  private readonly failures = new Map<string, Error>();

  constructor(readonly bucket: string) {
    this.mock = mockClient(this.client);
    this.mock.on(PutObjectCommand).callsFake((input: PutObjectCommandInput) => this.put(input));
    this.mock.on(GetObjectCommand).callsFake((input: GetObjectCommandInput) => this.get(input));
  }

  /** The PutObject inputs the adapter sent, in order. */
  puts(): PutObjectCommandInput[] {
    return this.mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
  }

  /** The next PutObject to this key fails with the error, as a dropped connection would. */
  failNextPut(key: string, error: Error): void {
    this.failures.set(key, error);
  }

  restore(): void {
    this.mock.restore();
  }

  private put(input: PutObjectCommandInput): PutObjectCommandOutput {
    this.checkBucket(input.Bucket);
    const key = required(input.Key, 'Key');
    const failure = this.failures.get(key);
    if (failure) {
      this.failures.delete(key);
      throw failure;
    }
    const existing = this.objects.get(key);
    if (input.IfNoneMatch !== undefined && (input.IfNoneMatch !== '*' || existing)) {
      throw preconditionFailed();
    }
    if (input.IfMatch !== undefined && existing?.etag !== input.IfMatch) {
      throw existing ? preconditionFailed() : noSuchKey(key);
    }
    const body = bytesOf(input.Body);
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    this.objects.set(key, { body, etag, contentType: input.ContentType });
    return { ETag: etag, $metadata: { httpStatusCode: 200 } };
  }

  private get(input: GetObjectCommandInput): GetObjectCommandOutput {
    this.checkBucket(input.Bucket);
    const key = required(input.Key, 'Key');
    const stored = this.objects.get(key);
    if (!stored) throw noSuchKey(key);
    return {
      Body: sdkStreamMixin(Readable.from([Buffer.from(stored.body)])),
      ETag: stored.etag,
      ContentType: stored.contentType,
      ContentLength: stored.body.byteLength,
      $metadata: { httpStatusCode: 200 },
    };
  }

  private checkBucket(bucket: string | undefined): void {
    if (bucket !== this.bucket) {
      throw new NoSuchBucket({
        message: 'The specified bucket does not exist',
        $metadata: { httpStatusCode: 404 },
      });
    }
  }
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`${name} is required`);
  return value;
}

function bytesOf(body: PutObjectCommandInput['Body']): Uint8Array {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return new Uint8Array(body);
  throw new Error(`the fake bucket takes string or Uint8Array bodies, got ${typeof body}`);
}

function preconditionFailed(): S3ServiceException {
  return new S3ServiceException({
    name: 'PreconditionFailed',
    $fault: 'client',
    message: 'At least one of the pre-conditions you specified did not hold',
    $metadata: { httpStatusCode: 412 },
  });
}

function noSuchKey(key: string): NoSuchKey {
  return new NoSuchKey({
    message: `The specified key does not exist: ${key}`,
    $metadata: { httpStatusCode: 404 },
  });
}
