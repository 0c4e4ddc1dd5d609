// Runs one TypeScript entry point of an Nx project from dist/, building the project (and the
// libraries it uses) first through Nx, which caches unchanged builds. Lets every `npm run`
// CLI work on a fresh clone. Usage: node tools/run-entry.mjs <project> <path/to/entry.ts> [args]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [project, entry, ...args] = process.argv.slice(2);
if (!project || !entry || !entry.endsWith('.ts')) {
  process.stderr.write('usage: node tools/run-entry.mjs <project> <path/to/entry.ts> [args]\n');
  process.exit(2);
}
const build = spawnSync('npx', ['nx', 'run', `${project}:build`, '--output-style=static'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false' },
});
if (build.status !== 0) {
  process.stderr.write(build.stdout + build.stderr);
  process.stderr.write(`building ${project} failed\n`);
  process.exit(build.status ?? 1);
}
const compiled = join(root, 'dist', entry.replace(/\.ts$/, '.js'));
const run = spawnSync(process.execPath, [compiled, ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
