// The order Jest hands test files to its workers: the slowest first, so that the last minutes of a run
// are short files filling the workers and not one long file with the others idle. Jest's own sequencer
// orders by the durations in its cache, which a fresh clone does not have (it falls back to file size,
// and started the 90 s projector spec after two minutes); this one takes a file's duration from the
// cache when it has one, else from test/support/test-file-durations.json (seconds, measured from a whole
// `npm test`; `node test/support/record-durations.mjs results.json` rewrites it), else 0. Files that
// failed last time still go first, as with Jest's.
const { join, relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const KNOWN_SECONDS = require('./test-file-durations.json');

/**
 * Sorts `entries` ({ path, failed, cachedMs, size }) the way Jest should run them: failed ones first,
 * then by duration (cached, else known, else 0) from the longest, then by size from the largest.
 */
function slowestFirst(entries, rootDir, known = KNOWN_SECONDS) {
  const duration = (entry) => entry.cachedMs ?? (known[relative(rootDir, entry.path).split('\\').join('/')] ?? 0) * 1000;
  return [...entries].sort((a, b) => Number(b.failed) - Number(a.failed) || duration(b) - duration(a) || b.size - a.size || (a.path < b.path ? -1 : 1));
}

class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const entries = tests.map((test) => ({
      test,
      path: test.path,
      failed: this.hasFailed(test),
      cachedMs: this.time(test),
      size: test.context.hasteFS.getSize(test.path) ?? 0,
    }));
    const rootDir = tests[0]?.context.config.rootDir ?? process.cwd();
    return slowestFirst(entries, rootDir).map((entry) => {
      entry.test.duration = entry.cachedMs;
      return entry.test;
    });
  }
}

module.exports = SlowestFirstSequencer;
module.exports.slowestFirst = slowestFirst;
module.exports.KNOWN_SECONDS = KNOWN_SECONDS;
module.exports.durationsFile = join(__dirname, 'test-file-durations.json');
