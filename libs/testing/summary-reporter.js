const { relative } = require('node:path');
const { writeFileSync } = require('node:fs');

/**
 * Prints each spec file's counts, then the closing line CI reads: `N passed, N failed`
 * (`, N skipped` when any were), and writes that line to TEST_SUMMARY_FILE so .ci/run can
 * print it last.
 */
class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((file) => ({
        path: relative(this.rootDir, file.testFilePath),
        passed: file.numPassingTests,
        failed: file.numFailingTests + (file.testExecError ? 1 : 0),
      }))
      .sort((a, b) => a.path.localeCompare(b.path));
    const table = files.map((f) => `  ${String(f.passed).padStart(4)} passed ${String(f.failed).padStart(3)} failed  ${f.path}`);
    process.stdout.write(`\nTests per spec file (${files.length} files):\n${table.join('\n')}\n`);
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\n${line}\n`);
    if (process.env.TEST_SUMMARY_FILE) writeFileSync(process.env.TEST_SUMMARY_FILE, `${line}\n`);
  }
}
module.exports = SummaryReporter;
