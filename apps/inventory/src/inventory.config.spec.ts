import { configProblems } from '@shopops/testing';
import { loadInventoryConfig } from './inventory.config';

describe('inventory configuration', () => {
  it("keeps DOMAIN.md's defaults", () => {
    expect(loadInventoryConfig({})).toEqual({
      paymentWindowMs: 30 * 60 * 1000,
      routing: 'nearest',
      reserveBatchMax: 256,
      deliveryPromiseDays: 3,
      replenishment: { coverDays: 30, overstockCoverDays: 180, slowMovingNoSaleDays: 60, slowMovingCoverDays: 90 },
      abc: { aShare: 0.6, bShare: 0.2 },
      suddenDropShare: 0.5,
      defaultCostShare: 0.6,
      channelStockCoalesceMs: 1000,
    });
  });

  it('reads the channel stock coalescing window, 0 meaning every change is published', () => {
    expect(loadInventoryConfig({ INVENTORY_CHANNEL_STOCK_COALESCE_MS: '0' }).channelStockCoalesceMs).toBe(0);
    expect(configProblems(() => loadInventoryConfig({ INVENTORY_CHANNEL_STOCK_COALESCE_MS: '-1' }))).toEqual([
      'INVENTORY_CHANNEL_STOCK_COALESCE_MS="-1" must be an integer between 0 and 60000',
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
  });
});
