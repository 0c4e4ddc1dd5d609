// Records each Jest run's counts in .var/test-results/, so CI can print one closing line
// "N passed, N failed" over every project Nx ran (tools/jest/print-summary.cjs).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const dir = join(root, '.var', 'test-results');
    mkdirSync(dir, { recursive: true });
    const name = relative(root, this.globalConfig.rootDir).replace(/[\\/]/g, '__') || 'root';
    writeFileSync(
      join(dir, `${name}.json`),
      JSON.stringify({
        project: relative(root, this.globalConfig.rootDir),
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
