// Test suites are told apart by suffix: *.spec.ts pure unit, *.int-spec.ts against real databases,
// *.e2e-spec.ts over HTTP. One config, one command (`npm test`), one closing summary line.
//
// Nest 12 and PGlite ship as ES modules only, and Jest on Node 20 cannot require() them, so tests run
// as native ES modules (node --experimental-vm-modules, see package.json); the app itself is built
// to CommonJS and loads them through Node's require(esm).
const { swcOptions } = require('./tools/swc-options.cjs');

const swc = ['@swc/jest', swcOptions('es6')];
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = { transform: { '^.+\\.ts$': swc }, extensionsToTreatAsEsm: ['.ts'], moduleNameMapper, testEnvironment: 'node' };
// Coverage is of libs/domain, and the domain's own specs (the unit project) cover 99.9 % of its lines; the
// other projects run without it (test/support/without-coverage.runner.cjs says what it cost them).
const withoutCoverage = { runner: '<rootDir>/test/support/without-coverage.runner.cjs' };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    {
      ...common,
      ...withoutCoverage,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      slowTestThreshold: 30,
    },
    { ...common, ...withoutCoverage, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    { ...common, ...withoutCoverage, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'] },
  ],
  testTimeout: 120_000,
  // Three workers on the 2-core CI machine (Jest's default there, cores − 1, runs everything in one
  // process): the suites wait on PostgreSQL, PGlite's files and Chromium often enough that a third
  // worker fills the cores (whole npm test, quiet machine: 6 min 5 s with two, 5 min 5 s with three,
  // 5 min 9 s with four; BENCHMARKS.md). Each is recycled once it holds 1.5 GB: ES-module test files
  // under --experimental-vm-modules keep their module graphs alive, and one long-lived process grew to
  // 9 GB and spent its time in GC.
  maxWorkers: 3,
  workerIdleMemoryLimit: '1.5GB',
  // The slowest files first, also on a fresh clone without Jest's cache of durations.
  testSequencer: '<rootDir>/test/support/slowest-first.sequencer.cjs',
  coverageProvider: 'v8',
  collectCoverage: true,
  collectCoverageFrom: ['libs/domain/src/**/*.ts', '!**/*.spec.ts', '!**/index.ts', '!**/*.test-support.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: { './libs/domain/src/': { lines: 95 } },
  reporters: ['default', '<rootDir>/test/support/summary-line.reporter.js'],
};
