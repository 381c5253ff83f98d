import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A `*.cases.ts` module is not a test file: Jest runs it only through the runner (`*.e2e-spec.ts`) of its
 * folder that imports it. A module nobody imports would never run, and one imported twice would run twice.
 */
export function unrunCases(casesFiles: readonly string[], runnerSources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const file of casesFiles) {
    const line = `import './${basename(file, '.ts')}';`;
    const runners = [...runnerSources].filter(([runner, source]) => dirname(runner) === dirname(file) && source.split('\n').includes(line));
    if (runners.length !== 1) problems.push(`${file} is imported by ${runners.length} runners in its folder (want 1: a line "${line}")`);
  }
  return problems;
}

describe('cases modules and their runners', () => {
  it('every *.cases.ts is imported by exactly one *.e2e-spec.ts of its folder', () => {
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'test'], { encoding: 'utf8' }).split('\0').filter((path) => existsSync(path));
    const cases = tracked.filter((path) => path.endsWith('.cases.ts'));
    const runners = new Map(tracked.filter((path) => path.endsWith('.e2e-spec.ts')).map((path) => [path, readFileSync(join(process.cwd(), path), 'utf8')]));
    expect(cases.length).toBeGreaterThanOrEqual(9);
    expect(unrunCases(cases, runners)).toEqual([]);
  });

  it('would catch a module left out, and one imported twice', () => {
    const runners = new Map([
      ['test/a/a.e2e-spec.ts', "import './one.cases';\n"],
      ['test/a/b.e2e-spec.ts', "import './one.cases';\nimport './other.cases';\n"],
      ['test/b/c.e2e-spec.ts', "import './left-out.cases';\n"],
    ]);
    expect(unrunCases(['test/a/one.cases.ts', 'test/a/other.cases.ts', 'test/a/left-out.cases.ts'], runners)).toEqual([
      'test/a/one.cases.ts is imported by 2 runners in its folder (want 1: a line "import \'./one.cases\';")',
      'test/a/left-out.cases.ts is imported by 0 runners in its folder (want 1: a line "import \'./left-out.cases\';")',
    ]);
  });
});
