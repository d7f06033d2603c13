import { parseFestivals } from '@shopops/platform';
import { loadAnalyticsConfig } from '../analytics.config';
import { operatorMeasures } from './operator-scorecards.service';

describe("operators' scorecard measures", () => {
  const month = { gmvAttainment: 0.95, roi: 0.1, spendFen: 9000, budgetFen: 10000 };
  const met = (targets: { gmvAttainmentPercent: number; minRoiPercent: number }) => operatorMeasures(month, targets).map((m) => [m.name, m.met]);

  it('judges GMV attainment against ANALYTICS_SCORECARD_GMV_ATTAINMENT_PERCENT and ROI against ANALYTICS_BUDGET_MIN_ROI_PERCENT', () => {
    const defaults = loadAnalyticsConfig({});
    expect(met({ gmvAttainmentPercent: defaults.scorecard.gmvAttainmentPercent, minRoiPercent: defaults.budgetMinRoiPercent })).toEqual([
      ['gmvAttainment', false],
      ['roi', true],
      ['budgetUsed', true],
    ]);
    // A shop that asks 90% of target and a 20% return.
    const shop = loadAnalyticsConfig({ ANALYTICS_SCORECARD_GMV_ATTAINMENT_PERCENT: '90', ANALYTICS_BUDGET_MIN_ROI_PERCENT: '20' });
    expect(met({ gmvAttainmentPercent: shop.scorecard.gmvAttainmentPercent, minRoiPercent: shop.budgetMinRoiPercent })).toEqual([
      ['gmvAttainment', true],
      ['roi', false],
      ['budgetUsed', true],
    ]);
  });

  it('has nothing to judge without a target, spend or budget, and spending exactly the budget is within it', () => {
    expect(
      operatorMeasures({ gmvAttainment: null, roi: null, spendFen: 0, budgetFen: 0 }, { gmvAttainmentPercent: 100, minRoiPercent: 0 }).map((m) => m.met),
    ).toEqual([null, null, null]);
    expect(operatorMeasures({ gmvAttainment: 1, roi: 0, spendFen: 500, budgetFen: 500 }, { gmvAttainmentPercent: 100, minRoiPercent: 0 })).toEqual([
      { name: 'gmvAttainment', value: 1, target: 1, met: true },
      { name: 'roi', value: 0, target: 0, met: true },
      { name: 'budgetUsed', value: 1, target: 1, met: true },
    ]);
  });

  it('reads the festivals from ANALYTICS_SCORECARD_FESTIVALS, naming what it cannot read', () => {
    expect(loadAnalyticsConfig({ ANALYTICS_SCORECARD_FESTIVALS: '年货节:12-20/01-10' }).scorecard.festivals).toEqual([
      { name: '年货节', from: '12-20', to: '01-10' },
    ]);
    const problems: string[] = [];
    parseFestivals('618:6-1/6-18', 'ANALYTICS_SCORECARD_FESTIVALS', problems);
    expect(problems).toEqual(['ANALYTICS_SCORECARD_FESTIVALS: "618:6-1/6-18" is not name:MM-DD/MM-DD']);
  });
});
