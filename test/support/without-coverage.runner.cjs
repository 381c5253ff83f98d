// Jest's own runner with coverage off, for the projects whose files do not count towards the threshold
// (integration, e2e, browser: see jest.config.js). Jest collects V8 coverage per run, not per project;
// for a file that boots the app it costs about 2 s of CPU (precise coverage of every script it loads, the
// whole app and node_modules, taken and filtered at the file's end), and the threshold reads libs/domain only.
const TestRunner = require('jest-runner').default;

class WithoutCoverageRunner extends TestRunner {
  constructor(globalConfig, context, options) {
    super({ ...globalConfig, collectCoverage: false }, context, options);
  }
}

module.exports = WithoutCoverageRunner;
