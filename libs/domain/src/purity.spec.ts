import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The domain is pure: no framework, no I/O, no clock, no randomness. This spec reads its sources so
// a careless import fails the build instead of a review.
const root = join(process.cwd(), 'libs/domain/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.test-support.ts') ? [path] : [];
  });
}

describe('the domain library stays pure', () => {
  const files = sources(root);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s imports only domain code', (_name, file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((specifier) => !specifier.startsWith('.'))).toEqual([]);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s reads no clock and no randomness', (_name, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(code).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(|process\.|require\(/);
  });
});
