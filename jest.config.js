/** Unit specs run on their own; e2e specs share one running suite started by the e2e project. */
const { paths } = require('./tsconfig.json').compilerOptions;

// swc rewrites the aliases of tsconfig.json (their one source) at transform time, which also
// reaches the global setup: Jest's moduleNameMapper does not apply there.
const swc = ['@swc/jest', { swcrc: true, jsc: { baseUrl: __dirname, paths } }];
const common = { rootDir: __dirname, testEnvironment: 'node', transform: { '^.+\\.ts$': swc } };

module.exports = {
  reporters: ['default', '<rootDir>/libs/testing/summary-reporter.js'],
  testTimeout: 120000,
  // A leaked handle must never hang CI; leaks are still reported by --detectOpenHandles.
  forceExit: true,
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs}/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
    },
  ],
};
