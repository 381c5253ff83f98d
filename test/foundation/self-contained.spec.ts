import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * A user's clone has nothing beside it: no file the project runs, tests or ships (code, scripts,
 * configuration, .ci/run) may reach outside the repository. Prose (Markdown) may say where a fact came
 * from; it is not read at run time.
 */
const NAMED_OUTSIDE = [
  // Written in pieces so this file does not name what it looks for.
  ['shared', 'reference'].join('/'),
  ['shared', 'notes'].join('/'),
  ['shared', 'hooks'].join('/'),
  ['shared', 'DESIGN.md'].join('/'),
  ['', 'work', ''].join('/'),
  ['process.cwd()', "'..'"].join(', '),
];

/** Quoted relative paths ('../x', "../../y"), as imports and file reads write them. */
const RELATIVE_PATH = /['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g;

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
}

const isProse = (path: string) => path.endsWith('.md');
const isBinary = (content: Buffer) => content.subarray(0, 8000).includes(0);

/** What in `text` (the file at `path`, relative to the root) points outside the repository. */
export function pathsOutside(path: string, text: string): string[] {
  const found = NAMED_OUTSIDE.filter((needle) => text.includes(needle));
  const root = resolve('/repository');
  for (const match of text.matchAll(RELATIVE_PATH)) {
    const target = resolve(root, dirname(path), match[1]);
    if (relative(root, target).startsWith('..')) found.push(match[1]);
  }
  return found;
}

describe('the repository stands on its own', () => {
  it('no tracked file the project runs names a path outside the repository', () => {
    const offenders: string[] = [];
    for (const path of trackedFiles().filter((candidate) => !isProse(candidate))) {
      const content = readFileSync(path);
      if (isBinary(content)) continue;
      for (const outside of pathsOutside(path, content.toString('utf8'))) offenders.push(`${path}: ${outside}`);
    }
    expect(offenders).toEqual([]);
  });

  it('catches a read of the folder beside the repository, and leaves a relative import inside it alone', () => {
    expect(pathsOutside('test/x.ts', `readFileSync('../../shared/plan.txt')`)).toEqual(['../../shared/plan.txt']);
    expect(pathsOutside('test/x.ts', `readFileSync(resolve(${['process.cwd()', "'..'"].join(', ')}, 'plan.txt'))`)).not.toEqual([]);
    expect(pathsOutside('apps/api/src/x/y.ts', `import { a } from '../shared/a';`)).toEqual([]);
  });
});
