// Prints the closing line CI reads: "tests: N passed, N failed" (and skipped, when any).
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numRuntimeErrorTestSuites;
    const suiteNote = failedSuites > 0 ? ` (${failedSuites} suites failed to run)` : '';
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests + failedSuites} failed` +
      (skipped > 0 ? `, ${skipped} skipped` : '');
    process.stdout.write(`\n${line}\n${suiteNote ? suiteNote.trim() + '\n' : ''}`);
  }
}
module.exports = SummaryLineReporter;
