import { configProblems } from '@shopops/testing';
import { loadAnalyticsConfig } from './analytics.config';

describe('analytics configuration', () => {
  it("keeps DOMAIN.md's defaults", () => {
    expect(loadAnalyticsConfig({})).toEqual({
      marginPercent: 40,
      customerLifespanYears: 3,
      paidShareLimitPercent: 30,
      anomalySigmas: 3,
      anomalyMinVolume: 20,
      baselineWeeks: 4,
      entryTier: 'bronze',
      budgetMinRoiPercent: 0,
      scorecard: {
        gmvAttainmentPercent: 100,
        festivals: [
          { name: '618', from: '06-01', to: '06-18' },
          { name: '双11', from: '10-20', to: '11-11' },
        ],
      },
    });
    expect(loadAnalyticsConfig({ ANALYTICS_ENTRY_TIER: 'explorer' }).entryTier).toBe('explorer');
  });

  it('names every bad value', () => {
    expect(configProblems(() => loadAnalyticsConfig({ ANALYTICS_MARGIN_PERCENT: '140', ANALYTICS_BASELINE_WEEKS: 'four' }))).toEqual([
      'ANALYTICS_MARGIN_PERCENT="140" must be an integer between 1 and 100',
      'ANALYTICS_BASELINE_WEEKS="four" must be an integer between 1 and 52',
    ]);
  });
});
