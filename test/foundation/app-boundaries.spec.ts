import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Shared code lives in libs/: a file of one app never imports a file of another app. */
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function appOf(path: string): string | undefined {
  return /^apps\/([^/]+)\//.exec(path)?.[1];
}

export function crossAppImports(path: string, source: string): string[] {
  const own = appOf(path);
  if (!own) return [];
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const target = appOf(normalize(join(dirname(path), match[1])));
    if (target && target !== own) found.push(`${path} imports ${match[1]} (apps/${target})`);
  }
  return found;
}

describe('apps import libs, never each other', () => {
  it('no file under apps/ imports a file of another app', () => {
    const files = execFileSync('git', ['ls-files', '-z', 'apps'], { encoding: 'utf8' }).split('\0').filter((path) => path.endsWith('.ts'));
    expect(files.flatMap((path) => crossAppImports(path, readFileSync(path, 'utf8')))).toEqual([]);
  });

  it('would catch one', () => {
    expect(crossAppImports('apps/projector/src/main.ts', `import { AppModule } from '../../api/src/app.module';`)).toHaveLength(1);
    expect(crossAppImports('apps/api/src/commands/demo/main.ts', `import { createApp } from '../../create-app';`)).toEqual([]);
  });
});
