// Mutation testing of the pure rule modules: `npm run mutation` (all) or
// `npm run mutation -- --mutate apps/inventory/src/analysis/abc.ts` (one). Scores go in docs/testing.md.
import jestConfig from './jest.config.js';

export const RULE_MODULES = [
  'apps/catalog/src/pricing/price-quote.ts',
  'apps/membership/src/points/points-expiry.policy.ts',
  'apps/membership/src/tiers/tier-scheme.ts',
  'apps/customer-service/src/calendar/business-calendar.ts',
  'apps/inventory/src/analysis/abc.ts',
  'apps/membership/src/segments/rfm.ts',
  'apps/analytics/src/experiments/statistics.ts',
  'apps/customer-service/src/disputes/dispute.policy.ts',
  'apps/inventory/src/routing/stock-routing.strategy.ts',
];

const unit = jestConfig.projects.find((project) => project.displayName === 'unit');

export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // The rule modules' own specs: fast, and no database needed.
    config: { ...unit, displayName: undefined, testMatch: RULE_MODULES.map((file) => `<rootDir>/${file.replace(/\.ts$/, '.spec.ts')}`) },
    enableFindRelatedTests: false,
  },
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
