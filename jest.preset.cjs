// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata, as the build does)
// and the @mangaassist/* aliases resolve to library sources, as tsconfig.base.json says.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = __dirname;
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/\-]/g, '\\$&')}$`] = join(root, target);
}

const { paths: _paths, baseUrl: _baseUrl, ...jsc } = swcrc.jsc;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      { jsc, module: swcrc.module, sourceMaps: 'inline', swcrc: false },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|int-spec).ts'],
  // Pinned so that date formatting and seeded randomness repeat everywhere.
  setupFiles: [join(root, 'tools/jest/pin-env.cjs')],
  reporters: ['default', join(root, 'tools/jest/summary-reporter.cjs')],
};
