import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVICES, startStack } from '@mangaassist/stack';
import { freePort } from '@mangaassist/testing';
import type { EvalSuite, EvalSuiteModule } from './lib/eval-suite';

const repoRoot = resolve(__dirname, '../../../..');

function availableSuites(): string[] {
  const dir = join(__dirname, 'suites');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.suite.js'))
    .map((f) => f.replace(/\.suite\.js$/, ''))
    .sort();
}

function loadSuite(name: string): EvalSuite {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !availableSuites().includes(name)) {
    throw new Error(`unknown suite "${name}"; available: ${availableSuites().join(', ')}`);
  }
  // Suites are discovered by file name so each team adds its own without touching a registry.
  return (require(`./suites/${name}.suite`) as EvalSuiteModule).suite;
}

function help(): string {
  const suites = availableSuites().map((name) => `  ${name.padEnd(20)} ${loadSuite(name).summary}`);
  return `Usage: npm run eval -- <suite> [--file <jsonl>] [--json]

Runs the project's real code path on a labelled file: the services the suite needs are started
as processes on free ports and called over gRPC, as the gateway calls them.

Suites:
${suites.join('\n')}

Options:
  --file <path>   the labelled file (relative to the current directory); suites with a default use it otherwise
  --json          print one JSON object instead of a table
  -h, --help      show this help
`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(help());
    if (!values.help) process.exitCode = 2;
    return;
  }
  const suite = loadSuite(positionals[0]);
  const given = values.file ?? suite.defaultFile;
  const file =
    given === undefined
      ? undefined
      : isAbsolute(given)
        ? given
        : resolve(values.file ? process.cwd() : repoRoot, given);
  if (file !== undefined && !existsSync(file)) throw new Error(`no such file: ${file}`);
  const progress = (line: string) => process.stderr.write(`${line}\n`);

  const dataDir = mkdtempSync(join(tmpdir(), 'mangaassist-eval-'));
  const ports: Record<string, number> = {};
  for (const spec of SERVICES) ports[spec.name] = await freePort();
  const stack =
    suite.services.length > 0
      ? await startStack({
          root: repoRoot,
          ports,
          only: suite.services,
          env: {
            EVENT_LOG_PATH: join(dataDir, 'events.db'),
            RETRAINING_DB_PATH: join(dataDir, 'retraining.db'),
            LOG_FORMAT: 'json',
          },
          onReady: (service, ms) => progress(`${service} ready after ${(ms / 1000).toFixed(1)} s`),
        })
      : undefined;
  try {
    const addresses = Object.fromEntries(
      suite.services.map((name) => [name, `127.0.0.1:${ports[name]}`]),
    );
    const report = await suite.run({ file, addresses, repoRoot, progress });
    process.stdout.write(values.json ? `${JSON.stringify(report.json)}\n` : `${report.table}\n`);
  } finally {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${(error as Error).message}\n`);
  process.exit(1);
});
