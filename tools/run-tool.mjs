// Runs a compiled tool from dist/, building it first through Nx (cached) when it is missing,
// so `npm run <tool>` works on a fresh clone. Usage: node tools/run-tool.mjs <project> [args]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [project, ...args] = process.argv.slice(2);
const entry = join(root, 'dist', 'tools', project, 'src', 'main.js');
if (!existsSync(entry)) {
  const build = spawnSync('npx', ['nx', 'run', `${project}:build`, '--output-style=static'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(process.execPath, [entry, ...args], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
