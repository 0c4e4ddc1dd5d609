import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProvisioningError, cacheRoot, provisionKafka } from './kafka-distribution';

describe('provisionKafka', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kafka-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says Maven is missing, and leaves no half-made copy behind', async () => {
    const progress: string[] = [];
    const attempt = provisionKafka({
      version: '4.1.1',
      cacheDir: dir,
      env: { PATH: '/nonexistent' },
      onProgress: (line) => progress.push(line),
    });
    await expect(attempt).rejects.toThrow(ProvisioningError);
    await expect(attempt).rejects.toThrow('Maven (mvn) is not on PATH');
    expect(progress[0]).toMatch(/^kafka: provisioning Apache Kafka 4\.1\.1 from Maven Central/);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'kafka-4.1.1'))).toBe(false);
  });

  it('keeps its cache under MANGAASSIST_CACHE_DIR, else the XDG cache directory', () => {
    expect(cacheRoot({ MANGAASSIST_CACHE_DIR: '/srv/cache' })).toBe('/srv/cache');
    expect(cacheRoot({ XDG_CACHE_HOME: '/home/ci/.cache' })).toBe('/home/ci/.cache/mangaassist');
  });
});
