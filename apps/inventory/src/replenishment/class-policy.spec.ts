import { replenishmentQuantity } from '../forecast/demand-forecast';
import { loadInventoryConfig } from '../inventory.config';
import { chooseSupplier, classPlan, plannedDailyDemand } from './class-policy';

describe('replenishment by ABC class', () => {
  const config = loadInventoryConfig({});
  const links = [
    { supplierCode: 'CORE', moq: 200, backupOrder: 0 },
    { supplierCode: 'FLEX-1', moq: 50, backupOrder: 1 },
    { supplierCode: 'FLEX-2', moq: 50, backupOrder: 2 },
  ];
  /** 4 a day, 10-day lead time, safety stock 20, 15 available, nothing on order. */
  const suggested = (abcClass: 'A' | 'B' | 'C' | null, shop = config) => {
    const plan = classPlan(abcClass, shop);
    const supplier = chooseSupplier(links, plan);
    return replenishmentQuantity({
      dailyDemand: plannedDailyDemand(plan, 4),
      leadTimeDays: 10,
      coverDays: plan.coverDays,
      safetyStock: 20,
      available: 15,
      onOrder: 0,
      moq: supplier?.moq ?? 1,
    });
  };

  it('caps A at 30 days of cover on top of safety stock, from the primary supplier', () => {
    expect(classPlan('A', config)).toEqual({ policy: 'TURNOVER_CAP', coverDays: 30, smallestBatch: false });
    expect(chooseSupplier(links, classPlan('A', config))?.supplierCode).toBe('CORE');
    // 4 × (10 + 30) + 20 − 15 = 165 → one MOQ of 200
    expect(suggested('A')).toBe(200);
  });

  it('buys B in small fast batches: 14 days of cover from the smallest-MOQ supplier', () => {
    expect(classPlan('B', config)).toEqual({ policy: 'SMALL_FAST_BATCHES', coverDays: 14, smallestBatch: true });
    expect(chooseSupplier(links, classPlan('B', config))?.supplierCode).toBe('FLEX-1');
    // 4 × (10 + 14) + 20 − 15 = 101 → three batches of 50
    expect(suggested('B')).toBe(150);
  });

  it('buys nothing ahead of demand for C (sold on pre-sale): only the safety-stock shortfall', () => {
    expect(classPlan('C', config)).toEqual({ policy: 'PRE_SALE', coverDays: 0, smallestBatch: false });
    expect(plannedDailyDemand(classPlan('C', config), 4)).toBe(0);
    // 20 − 15 = 5 → one MOQ of 200 from the primary
    expect(suggested('C')).toBe(200);
    expect(replenishmentQuantity({ dailyDemand: 0, leadTimeDays: 10, coverDays: 0, safetyStock: 20, available: 25, onOrder: 0, moq: 1 })).toBe(0);
  });

  it('keeps the standard cover for a SKU without a class, and follows the configured A turnover and B batch', () => {
    expect(classPlan(null, config)).toEqual({ policy: 'STANDARD', coverDays: 30, smallestBatch: false });
    const shop = loadInventoryConfig({ INVENTORY_A_TURNOVER_DAYS: '20', INVENTORY_B_BATCH_COVER_DAYS: '7', INVENTORY_REPLENISH_COVER_DAYS: '45' });
    expect(classPlan('A', shop).coverDays).toBe(20);
    expect(classPlan('B', shop).coverDays).toBe(7);
    expect(classPlan(null, shop).coverDays).toBe(45);
    // 4 × (10 + 7) + 20 − 15 = 73 → two batches of 50
    expect(suggested('B', shop)).toBe(100);
  });

  it('has no supplier to choose without links', () => {
    expect(chooseSupplier([], classPlan('B', config))).toBeUndefined();
    expect(chooseSupplier([], classPlan('A', config))).toBeUndefined();
  });
});
