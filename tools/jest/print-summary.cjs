// Prints the totals of the Jest runs recorded by summary-reporter.cjs as one closing line.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, '..', '..', '.var', 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const projects = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const file of projects) {
  const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += result[key];
}
process.stdout.write(`\n${projects.length} test projects\n`);
process.stdout.write(
  `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
