import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The directory holding `data/` and `package.json`: the working directory when it has them
 * (containers, `npm start`), else the nearest ancestor of this file that does (tests, tools
 * run from a subfolder). Defaults for data paths hang off it so they work with no config.
 */
export function repoRoot(): string {
  const candidates = [process.cwd(), __dirname];
  for (const start of candidates) {
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, 'data', 'catalog')) && existsSync(join(dir, 'package.json'))) {
        return dir;
      }
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return process.cwd();
}

export function fromRepoRoot(...segments: string[]): string {
  return join(repoRoot(), ...segments);
}
