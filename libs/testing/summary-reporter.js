/** Prints the closing line CI reads: `N passed, N failed` (`, N skipped` when any were). */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailedToRun = results.numRuntimeErrorTestSuites;
    const failed = results.numFailedTests + suitesFailedToRun;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = SummaryReporter;
