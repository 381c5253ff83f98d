/**
 * Runs the TypeScript of this repository in plain Node for the benchmarks that boot the Nest app:
 * NestJS needs decorator metadata, which tsx (esbuild) does not emit. Compiles each .ts file with
 * @swc/core (already a dev dependency, as jest uses it) the way jest.config.js does, to CommonJS;
 * `@app/*` paths come from tsconfig.json through tsconfig-paths.
 *
 *   node -r ./bench/swc-register.cjs bench/scale.bench.ts
 */
const Module = require('node:module');
const { transformSync } = require('@swc/core');
require('tsconfig-paths/register');

const options = {
  swcrc: false,
  sourceMaps: 'inline',
  jsc: {
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  // import() stays import(): PGlite is an ES module.
  module: { type: 'commonjs', ignoreDynamic: true },
};

Module._extensions['.ts'] = function compile(module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...options, filename });
  module._compile(code, filename);
};
