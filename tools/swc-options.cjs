/**
 * The one SWC configuration for running this repository's TypeScript without a build: Jest (as ES
 * modules, see jest.config.js), and plain Node through tools/swc-register.cjs (CommonJS: the benchmarks
 * that boot Nest, the crash specs' child processes). Nest's injection needs decorator metadata, which
 * tsx/esbuild do not emit. The build's .swcrc (JSON, read by the swc CLI) has the same `jsc` options;
 * test/foundation/swc-options.spec.ts keeps the two equal.
 */
function swcOptions(moduleType) {
  return {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    // Under CommonJS, import() stays import(): PGlite and Nest 12 are ES modules only.
    module: moduleType === 'commonjs' ? { type: 'commonjs', ignoreDynamic: true } : { type: 'es6' },
  };
}

module.exports = { swcOptions };
