import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Bench, BenchModule } from './lib/bench';

function available(): string[] {
  const dir = join(__dirname, 'benches');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.js'))
    .map((f) => f.replace(/\.bench\.js$/, ''))
    .sort();
}

function load(name: string): Bench {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !available().includes(name)) {
    throw new Error(`unknown benchmark "${name}"; available: ${available().join(', ')}`);
  }
  return (require(`./benches/${name}.bench`) as BenchModule).bench;
}

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(
      `Usage: npm run bench:<name> [-- options]\n\nBenchmarks: ${available().join(', ')}\n`,
    );
    if (!name) process.exitCode = 2;
    return;
  }
  const bench = load(name);
  const { values } = parseArgs({
    args: rest,
    options: { ...bench.options, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(bench.help);
    return;
  }
  const result = await bench.run(values, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${JSON.stringify({ bench: name, ...result })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exit(1);
});
