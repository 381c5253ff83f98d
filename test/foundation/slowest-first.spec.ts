import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface Entry {
  readonly path: string;
  readonly failed: boolean;
  readonly cachedMs: number | undefined;
  readonly size: number;
}
const { slowestFirst, KNOWN_SECONDS } = createRequire(join(process.cwd(), 'package.json'))('./test/support/slowest-first.sequencer.cjs') as {
  slowestFirst(entries: Entry[], rootDir: string, known?: Record<string, number>): Entry[];
  KNOWN_SECONDS: Record<string, number>;
};

const entry = (path: string, overrides: Partial<Entry> = {}): Entry => ({ path: `/repo/${path}`, failed: false, cachedMs: undefined, size: 100, ...overrides });
const order = (entries: Entry[], known: Record<string, number>) => slowestFirst(entries, '/repo', known).map((each) => each.path.slice('/repo/'.length));

/** The order Jest's workers take the test files in (test/support/slowest-first.sequencer.cjs). */
describe('the slowest test files first', () => {
  it('given no durations in Jest\'s cache (a fresh clone), then the known durations order the files, the slowest first, and the unknown ones follow by size', () => {
    const known = { 'a.int-spec.ts': 30, 'b.e2e-spec.ts': 90 };
    expect(order([entry('small.spec.ts', { size: 10 }), entry('a.int-spec.ts'), entry('large.spec.ts', { size: 5000 }), entry('b.e2e-spec.ts')], known)).toEqual([
      'b.e2e-spec.ts',
      'a.int-spec.ts',
      'large.spec.ts',
      'small.spec.ts',
    ]);
  });

  it('given durations in Jest\'s cache, then they count instead of the known ones, and a file that failed last time still goes first', () => {
    const known = { 'a.int-spec.ts': 30, 'b.e2e-spec.ts': 90 };
    expect(order([entry('b.e2e-spec.ts', { cachedMs: 5_000 }), entry('a.int-spec.ts'), entry('c.spec.ts', { failed: true, size: 1 })], known)).toEqual([
      'c.spec.ts',
      'a.int-spec.ts',
      'b.e2e-spec.ts',
    ]);
  });

  it('names only test files that exist, so a renamed or merged file cannot keep a stale place', () => {
    const tracked = new Set(execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\n'));
    const stale = Object.keys(KNOWN_SECONDS).filter((path) => !tracked.has(path) || !/\.(spec|int-spec|e2e-spec|browser-spec)\.ts$/.test(path));
    expect(stale).toEqual([]);
    expect(Object.keys(KNOWN_SECONDS).length).toBeGreaterThanOrEqual(20);
  });
});
