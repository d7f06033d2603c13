import { configProblems } from '@shopops/testing';
import { loadInventoryConfig } from './inventory.config';

describe('inventory configuration', () => {
  it("keeps DOMAIN.md's defaults", () => {
    expect(loadInventoryConfig({})).toEqual({
      paymentWindowMs: 30 * 60 * 1000,
      routing: 'nearest',
      reserveBatchMax: 256,
      admission: { freshMs: 1000, maxHolders: 100_000 },
      deliveryPromiseDays: 3,
      replenishment: { coverDays: 30, overstockCoverDays: 180, slowMovingNoSaleDays: 60, slowMovingCoverDays: 90 },
      abc: { aShare: 0.6, bShare: 0.2 },
      suddenDropShare: 0.5,
      defaultCostShare: 0.6,
      channelStockCoalesceMs: 1000,
      classPolicies: { aTurnoverDays: 30, bBatchCoverDays: 14 },
      supplierGrading: { weights: { onTime: 0.5, quality: 0.3, cost: 0.2 }, cutoffs: { a: 0.9, b: 0.8, c: 0.7 }, onTimeTarget: 0.95 },
      slowStockShareCoverDays: 30,
    });
  });

  it('reads the channel stock coalescing window, 0 meaning every change is published', () => {
    expect(loadInventoryConfig({ INVENTORY_CHANNEL_STOCK_COALESCE_MS: '0' }).channelStockCoalesceMs).toBe(0);
    expect(configProblems(() => loadInventoryConfig({ INVENTORY_CHANNEL_STOCK_COALESCE_MS: '-1' }))).toEqual([
      'INVENTORY_CHANNEL_STOCK_COALESCE_MS="-1" must be an integer between 0 and 60000',
    ]);
  });

  it('reads the admission counter settings, 0 ms meaning every caller goes to PostgreSQL', () => {
    expect(loadInventoryConfig({ INVENTORY_ADMISSION_FRESH_MS: '0', INVENTORY_ADMISSION_MAX_HOLDERS: '50' }).admission).toEqual({ freshMs: 0, maxHolders: 50 });
    expect(configProblems(() => loadInventoryConfig({ INVENTORY_ADMISSION_FRESH_MS: '60001' }))).toEqual([
      'INVENTORY_ADMISSION_FRESH_MS="60001" must be an integer between 0 and 60000',
    ]);
  });

  it('reads the default cost share with the rest of the policies', () => {
    expect(loadInventoryConfig({ INVENTORY_DEFAULT_COST_PERCENT: '45', INVENTORY_ROUTING: 'nearest-split' })).toMatchObject({
      defaultCostShare: 0.45,
      routing: 'nearest-split',
    });
  });

  it('names every bad value', () => {
    expect(configProblems(() => loadInventoryConfig({ INVENTORY_ROUTING: 'cheapest', INVENTORY_DEFAULT_COST_PERCENT: '0' }))).toEqual([
      'INVENTORY_ROUTING="cheapest" must be one of nearest, nearest-split',
      'INVENTORY_DEFAULT_COST_PERCENT="0" must be an integer between 1 and 100',
    ]);
    expect(configProblems(() => loadInventoryConfig({ INVENTORY_ABC_A_PERCENT: '70', INVENTORY_ABC_B_PERCENT: '30' }))).toEqual([
      'INVENTORY_ABC_A_PERCENT + INVENTORY_ABC_B_PERCENT must stay under 100',
    ]);
    expect(configProblems(() => loadInventoryConfig({ INVENTORY_SUPPLIER_WEIGHT_ON_TIME_PERCENT: '60', INVENTORY_SUPPLIER_GRADE_B_PERCENT: '95' }))).toEqual([
      'INVENTORY_SUPPLIER_WEIGHT_*_PERCENT must add up to 100 (they add up to 110)',
      'INVENTORY_SUPPLIER_GRADE_A_PERCENT > INVENTORY_SUPPLIER_GRADE_B_PERCENT > INVENTORY_SUPPLIER_GRADE_C_PERCENT must hold',
    ]);
  });

  it('reads supplier-grade weights, cut-offs and the on-time target', () => {
    expect(
      loadInventoryConfig({
        INVENTORY_SUPPLIER_WEIGHT_ON_TIME_PERCENT: '70',
        INVENTORY_SUPPLIER_WEIGHT_QUALITY_PERCENT: '20',
        INVENTORY_SUPPLIER_WEIGHT_COST_PERCENT: '10',
        INVENTORY_SUPPLIER_GRADE_A_PERCENT: '95',
        INVENTORY_SUPPLIER_GRADE_B_PERCENT: '85',
        INVENTORY_SUPPLIER_GRADE_C_PERCENT: '60',
        INVENTORY_SUPPLIER_ON_TIME_TARGET_PERCENT: '90',
      }).supplierGrading,
    ).toEqual({ weights: { onTime: 0.7, quality: 0.2, cost: 0.1 }, cutoffs: { a: 0.95, b: 0.85, c: 0.6 }, onTimeTarget: 0.9 });
  });
});
