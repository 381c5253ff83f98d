// `npm test`: the type-check and every Jest suite side by side (tsc is one process on one core while
// the suites wait on their databases). The type-check's result goes to a file that the summary reporter
// (test/support/summary-line.reporter.js) waits for, so the closing lines say both, the summary last.
// Arguments go to Jest (`npm test -- test/dossiers`); the exit code is non-zero when either fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folder = mkdtempSync(join(tmpdir(), 'ai-plus-test-run-'));
process.env.TEST_STARTED_AT = String(Date.now());
process.env.TYPECHECK_RESULT_FILE = join(folder, 'typecheck.json');

function run(args, capture) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const started = Date.now();
const typecheck = run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], true).then((result) => {
  const outcome = { ...result, seconds: (Date.now() - started) / 1000 };
  writeFileSync(process.env.TYPECHECK_RESULT_FILE, JSON.stringify(outcome));
  return outcome;
});
const jest = await run(['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', ...process.argv.slice(2)], false);
const checked = await typecheck;
rmSync(folder, { recursive: true, force: true });
process.exit(jest.code !== 0 ? jest.code : checked.code);
