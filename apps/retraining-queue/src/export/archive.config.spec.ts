import { join } from 'node:path';
import { ConfigError, parseConfig } from '@mangaassist/config';
import { archiveConfigSchema } from './archive.config';
import { LocalDirArchiveStore } from './adapters/local-dir.archive-store';
import { S3ArchiveStore } from './adapters/s3.archive-store';
import { archiveProviders, createArchiveStore } from './archive.providers';

const load = (env: NodeJS.ProcessEnv) => parseConfig('retraining-queue', archiveConfigSchema, env);

function problems(env: NodeJS.ProcessEnv): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.join('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('archive config', () => {
  it('is off with an empty environment, so npm start writes no archive', () => {
    const config = load({});
    expect(config).toMatchObject({
      RETRAINING_ARCHIVE: 'off',
      RETRAINING_ARCHIVE_INTERVAL_MS: 900_000,
      RETRAINING_S3_PREFIX: 'retraining-queue/',
    });
    expect(config.RETRAINING_ARCHIVE_DIR.endsWith(join('.var', 'retraining-archive'))).toBe(true);
    expect(createArchiveStore(config)).toBeUndefined();
    expect(archiveProviders(config)).toEqual([]);
  });

  it('selects the local directory or the S3 adapter', () => {
    const local = createArchiveStore(
      load({ RETRAINING_ARCHIVE: 'local', RETRAINING_ARCHIVE_DIR: '/tmp/a' }),
    );
    expect(local).toBeInstanceOf(LocalDirArchiveStore);
    expect(local?.location).toBe('/tmp/a/');

    const s3 = createArchiveStore(
      load({
        RETRAINING_ARCHIVE: 's3',
        RETRAINING_S3_BUCKET: 'mangaassist-retraining.prod',
        RETRAINING_S3_PREFIX: 'queue/v1',
      }),
    );
    expect(s3).toBeInstanceOf(S3ArchiveStore);
    expect(s3?.location).toBe('s3://mangaassist-retraining.prod/queue/v1/');
    expect(
      archiveProviders(load({ RETRAINING_ARCHIVE: 'local', RETRAINING_ARCHIVE_DIR: '/tmp/a' })),
    ).toHaveLength(4);
  });

  it.each([
    [
      { RETRAINING_ARCHIVE: 's3' },
      /RETRAINING_S3_BUCKET: is required when RETRAINING_ARCHIVE is s3/,
    ],
    [{ RETRAINING_ARCHIVE: 'dynamo' }, /RETRAINING_ARCHIVE/],
    [{ RETRAINING_S3_BUCKET: 'Upper_Case' }, /RETRAINING_S3_BUCKET: must be an S3 bucket name/],
    [{ RETRAINING_S3_BUCKET: '192.168.0.1' }, /RETRAINING_S3_BUCKET/],
    [{ RETRAINING_S3_PREFIX: 'a b' }, /RETRAINING_S3_PREFIX: must be up to 512/],
    [{ RETRAINING_ARCHIVE_INTERVAL_MS: '10' }, /RETRAINING_ARCHIVE_INTERVAL_MS/],
  ])('refuses %j', (env, message) => {
    expect(problems(env)).toMatch(message);
  });
});
