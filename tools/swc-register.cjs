/**
 * Runs the TypeScript of this repository in plain Node, compiled file by file with @swc/core the way the
 * tests compile it (tools/swc-options.cjs), to CommonJS; `@app/*` paths come from tsconfig.json through
 * tsconfig-paths. For what boots the Nest app outside Jest without a build: the benchmarks and the crash
 * specs' child processes.
 *
 *   node -r ./tools/swc-register.cjs bench/scale.bench.ts
 */
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const { swcOptions } = require('./swc-options.cjs');
require('tsconfig-paths/register');

const options = swcOptions('commonjs');

Module._extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
