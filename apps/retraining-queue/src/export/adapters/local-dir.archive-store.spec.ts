import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describeArchiveStoreContract } from '../archive-store.contract';
import { LocalDirArchiveStore } from './local-dir.archive-store';

function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path)];
  });
}

describeArchiveStoreContract('local directory', async () => {
  const root = mkdtempSync(join(tmpdir(), 'retraining-archive-'));
  const archive = join(root, 'archive');
  return {
    store: new LocalDirArchiveStore(archive),
    objects: async () => {
      // Nothing may be visible outside the archive root, and no temporary file may remain.
      expect(files(root).every((f) => f.startsWith('archive/') && !f.endsWith('.tmp'))).toBe(true);
      const inside = readdirSync(root).includes('archive') ? files(archive) : [];
      return new Map(inside.map((f) => [f, new Uint8Array(readFileSync(join(archive, f)))]));
    },
    teardown: async () => rmSync(root, { recursive: true, force: true }),
  };
});
