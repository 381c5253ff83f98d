// A Node ESM loader for the crash specs' child processes: TypeScript through SWC (with the decorator
// metadata Nest's injection needs, which tsx/esbuild do not emit) and the @app/* aliases of jest.config.js.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from '@swc/core';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../../..');

function asFile(base) {
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && (candidate.endsWith('.ts') || candidate.endsWith('.js') || candidate.endsWith('.mjs'))) return candidate;
  }
  return null;
}

export async function resolve(specifier, context, next) {
  const alias = /^@app\/([a-z-]+)(?:\/(.*))?$/.exec(specifier);
  if (alias) {
    const file = asFile(join(root, 'libs', alias[1], 'src', alias[2] ?? 'index'));
    if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && context.parentURL?.startsWith('file:')) {
    const file = asFile(resolvePath(dirname(fileURLToPath(context.parentURL)), specifier));
    if (file) return { url: pathToFileURL(file).href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const { code } = transformSync(source, {
    filename: fileURLToPath(url),
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
