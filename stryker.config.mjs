// Mutation testing of the pure rule modules: `npm run mutation` (all) or
// `npm run mutation -- --mutate apps/inventory/src/analysis/abc.ts` (one). Scores: docs/testing.md.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Each rule module is mutated against its own spec, which the Jest config lists.
const RULE_MODULES = require('./jest.mutation.config.js').testMatch.map((spec) => spec.replace('<rootDir>/', '').replace(/\.spec\.ts$/, '.ts'));

export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js', enableFindRelatedTests: false },
  checkers: [],
  mutate: RULE_MODULES,
  coverageAnalysis: 'perTest',
  thresholds: { high: 90, low: 85, break: null },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.cache/mutation/report.json' },
  tempDirName: '.cache/stryker-tmp',
  concurrency: 2,
  timeoutMS: 10000,
};
