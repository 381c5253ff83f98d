// Rewrites test/support/test-file-durations.json (what test/support/slowest-first.sequencer.cjs orders a
// fresh clone's run by) from the --json results of a whole run:
//   npm test -- --json --outputFile=/tmp/results.json && node test/support/record-durations.mjs /tmp/results.json
// (a second argument names the checkout the run was in, when it was not this one).
// Seconds per file, whole seconds, the files of two seconds or more (the rest go by size, after them); the slowest first.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ranIn = process.argv[3] ?? root;
const seconds = results.testResults
  .map((result) => [relative(ranIn, result.name).split('\\').join('/'), Math.round((result.endTime - result.startTime) / 1000)])
  .filter(([, value]) => value >= 2)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
writeFileSync(join(root, 'test/support/test-file-durations.json'), JSON.stringify(Object.fromEntries(seconds), null, 2) + '\n');
console.log(`${seconds.length} files written to test/support/test-file-durations.json`);
