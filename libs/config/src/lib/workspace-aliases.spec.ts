import { readFileSync } from 'node:fs';
import { fromRepoRoot } from './repo-paths';

/** SWC rewrites the @mangaassist/* aliases at build time from .swcrc, tsc and Jest read tsconfig. */
describe('workspace path aliases', () => {
  it('are the same in tsconfig.base.json and .swcrc', () => {
    const tsconfig = JSON.parse(readFileSync(fromRepoRoot('tsconfig.base.json'), 'utf8'));
    const swcrc = JSON.parse(readFileSync(fromRepoRoot('.swcrc'), 'utf8'));
    expect(swcrc.jsc.paths).toEqual(tsconfig.compilerOptions.paths);
  });
});
