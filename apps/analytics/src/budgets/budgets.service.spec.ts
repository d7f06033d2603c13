import type { UnitOfWork } from '@shopops/platform';
import type { DataSource } from 'typeorm';
import { loadAnalyticsConfig } from '../analytics.config';
import { PaidPerformance, type TrafficService } from '../traffic/traffic.service';
import { BudgetsService } from './budgets.service';

/** One plan for brand search in May 2023, and what the month brought: ROI −0.2. */
function service(env: Record<string, string>): BudgetsService {
  const dataSource = {
    query: async () => [{ source: 'paid_search', campaign: 'brand', budget_fen: '20000', gmv_target_fen: null, orders_target: null }],
  } as unknown as DataSource;
  const performance = Object.assign(new PaidPerformance(), {
    source: 'paid_search',
    campaign: 'brand',
    spendFen: 25000,
    orders: 2,
    gmvFen: 50000,
    roas: 2,
    roi: -0.2,
  });
  const traffic = { paidPerformance: async () => [performance] } as unknown as TrafficService;
  return new BudgetsService({} as UnitOfWork, dataSource, traffic, loadAnalyticsConfig(env));
}

describe('budgets against plan', () => {
  it('flags a line whose ROI is under ANALYTICS_BUDGET_MIN_ROI_PERCENT (default 0: spend that no longer pays for itself)', async () => {
    const [line] = await service({}).againstPlan('2023-05');
    expect(line).toMatchObject({ budgetFen: 20000, spendFen: 25000, remainingFen: -5000, overBudget: true, roi: -0.2, roiBelowThreshold: true });
  });

  it('follows the threshold the shop set', async () => {
    const [tolerant] = await service({ ANALYTICS_BUDGET_MIN_ROI_PERCENT: '-50' }).againstPlan('2023-05');
    expect(tolerant.roiBelowThreshold).toBe(false);
    const [demanding] = await service({ ANALYTICS_BUDGET_MIN_ROI_PERCENT: '50' }).againstPlan('2023-05');
    expect(demanding.roiBelowThreshold).toBe(true);
  });
});
