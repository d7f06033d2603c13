/**
 * Jest for mutation testing (stryker.config.mjs): the unit specs of the pure rule modules. Loaded
 * inside Stryker's sandbox, so `rootDir` (from __dirname) is the sandbox holding the mutated code.
 */
const unit = require('./jest.config.js').projects.find((project) => project.displayName === 'unit');

const RULE_SPECS = [
  'apps/catalog/src/pricing/price-quote.spec.ts',
  'apps/membership/src/points/points-expiry.policy.spec.ts',
  'apps/membership/src/tiers/tier-scheme.spec.ts',
  'apps/customer-service/src/calendar/business-calendar.spec.ts',
  'apps/inventory/src/analysis/abc.spec.ts',
  'apps/membership/src/segments/rfm.spec.ts',
  'apps/analytics/src/experiments/statistics.spec.ts',
  'apps/customer-service/src/disputes/dispute.policy.spec.ts',
  'apps/inventory/src/routing/stock-routing.strategy.spec.ts',
];

module.exports = { ...unit, displayName: undefined, testMatch: RULE_SPECS.map((spec) => `<rootDir>/${spec}`) };
