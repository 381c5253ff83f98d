// Prints the closing line CI reads: "tests: N passed, N failed" (and skipped, when any). Started by
// `npm test` (test/support/run-tests.mjs), it first waits for the type-check that ran beside the suites
// and counts it: its errors are printed and it is one failure; then the wall time of the whole run.
const { existsSync, readFileSync } = require('node:fs');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function typecheckOutcome() {
  const file = process.env.TYPECHECK_RESULT_FILE;
  if (!file) return undefined;
  while (!existsSync(file)) await sleep(200);
  return JSON.parse(readFileSync(file, 'utf8'));
}

function formatSeconds(seconds) {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(1)} s`;
}

class SummaryLineReporter {
  async onRunComplete(_contexts, results) {
    const typecheck = await typecheckOutcome();
    let typecheckFailed = 0;
    if (typecheck) {
      if (typecheck.code === 0) process.stdout.write(`\ntype-check: passed in ${typecheck.seconds.toFixed(0)} s\n`);
      else {
        typecheckFailed = 1;
        process.stdout.write(`\ntype-check: FAILED (tsc -p tsconfig.json --noEmit)\n${typecheck.output}\n`);
      }
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numRuntimeErrorTestSuites;
    const suiteNote = failedSuites > 0 ? ` (${failedSuites} suites failed to run)` : '';
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests + failedSuites + typecheckFailed} failed` +
      (skipped > 0 ? `, ${skipped} skipped` : '');
    const startedAt = Number(process.env.TEST_STARTED_AT);
    const wall = startedAt > 0 ? `wall time: ${formatSeconds((Date.now() - startedAt) / 1000)} (npm test, type-check included)\n` : '';
    process.stdout.write(`\n${wall}${line}\n${suiteNote ? suiteNote.trim() + '\n' : ''}`);
  }
}
module.exports = SummaryLineReporter;
