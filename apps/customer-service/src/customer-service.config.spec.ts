import { configProblems } from '@shopops/testing';
import { loadCustomerServiceConfig } from './customer-service.config';

describe('customer-service configuration', () => {
  it("keeps DOMAIN.md's defaults", () => {
    const config = loadCustomerServiceConfig({});
    expect(config).toMatchObject({
      firstResponseMinutes: { URGENT: 1, HIGH: 2, NORMAL: 3, LOW: 10 },
      nextResponseMinutes: 5,
      resolutionMinutes: 24 * 60,
      afterSalesHours: 48,
      sla: { warnAtShare: 0.8, maxEscalationLevel: 3 },
      topTiers: ['gold'],
      fastTrack: { tiers: ['silver', 'gold'], maxFen: 20_000 },
      dispute: { expertAboveFen: 100_000, advanceCompensationMaxFen: 50_000 },
      autoAnswer: { minScore: 0.3, minMargin: 0.04 },
    });
    expect(config.calendar).toBeDefined();
  });

  it('names every bad value, the business calendar included', () => {
    const problems = configProblems(() => loadCustomerServiceConfig({ CS_SLA_WARN_PERCENT: '100', CS_BUSINESS_HOURS: 'someday 9-5' }));
    expect(problems[0]).toBe('CS_SLA_WARN_PERCENT="100" must be an integer between 1 and 99');
    expect(problems[1]).toMatch(/^CS business calendar: /);
    expect(problems).toHaveLength(2);
  });
});
