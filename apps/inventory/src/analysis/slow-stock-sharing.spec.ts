import { loadInventoryConfig } from '../inventory.config';
import { planSlowStockTransfers, type SharingLevel } from './slow-stock-sharing';

const level = (locationCode: string, available: number, sold30d: number, slow: boolean, skuCode = 'SKU-1'): SharingLevel => ({
  skuCode,
  locationCode,
  available,
  sold30d,
  slow,
});

describe('sharing slow stock between locations', () => {
  it('moves slow stock to the locations that sell the SKU, topping each up to its cover, the busiest first', () => {
    const plan = planSlowStockTransfers([level('STORE-BJ', 40, 0, true), level('SH-FRONT', 10, 30, false), level('GZ-FRONT', 2, 60, false)], 30);
    expect(plan).toEqual([
      // GZ sells 2 a day: 60 for 30 days, has 2 → 58 wanted, 40 there are.
      { skuCode: 'SKU-1', fromLocation: 'STORE-BJ', toLocation: 'GZ-FRONT', quantity: 40, targetDailyDemand: 2, targetAvailable: 2 },
    ]);
  });

  it('splits slow stock over several buyers and several sources, and never moves more than is there', () => {
    const plan = planSlowStockTransfers(
      [level('STORE-A', 5, 0, true), level('STORE-B', 12, 0, true), level('SH-FRONT', 0, 30, false), level('GZ-FRONT', 0, 15, false)],
      10,
    );
    expect(plan.map((t) => [t.fromLocation, t.toLocation, t.quantity])).toEqual([
      ['STORE-B', 'SH-FRONT', 10],
      ['STORE-B', 'GZ-FRONT', 2],
      ['STORE-A', 'GZ-FRONT', 3],
    ]);
    const tight = planSlowStockTransfers([level('STORE-A', 3, 0, true), level('SH-FRONT', 0, 300, false)], 30);
    expect(tight.map((t) => t.quantity)).toEqual([3]);
  });

  it('suggests nothing where nobody sells the SKU, where buyers have cover, or across SKUs', () => {
    expect(planSlowStockTransfers([level('STORE-A', 30, 0, true), level('SH-FRONT', 5, 0, false)], 30)).toEqual([]);
    expect(planSlowStockTransfers([level('STORE-A', 30, 0, true), level('SH-FRONT', 30, 30, false)], 30)).toEqual([]);
    expect(planSlowStockTransfers([level('STORE-A', 30, 0, true, 'SKU-1'), level('SH-FRONT', 0, 30, false, 'SKU-2')], 30)).toEqual([]);
    // A slow level is never a buyer, even with an old sale in its window.
    expect(planSlowStockTransfers([level('STORE-A', 30, 0, true), level('STORE-B', 0, 3, true)], 30)).toEqual([]);
  });

  it('follows the configured cover days', () => {
    const levels = [level('STORE-A', 100, 0, true), level('SH-FRONT', 0, 30, false)];
    expect(planSlowStockTransfers(levels, loadInventoryConfig({}).slowStockShareCoverDays)[0].quantity).toBe(30);
    expect(planSlowStockTransfers(levels, loadInventoryConfig({ INVENTORY_SLOW_STOCK_SHARE_COVER_DAYS: '45' }).slowStockShareCoverDays)[0].quantity).toBe(45);
  });
});
