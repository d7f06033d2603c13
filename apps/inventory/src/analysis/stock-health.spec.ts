import { loadInventoryConfig } from '../inventory.config';
import { coverDays, isOverstocked, isSlowMoving } from './stock-health';

describe('stock health rules', () => {
  const defaults = loadInventoryConfig({}).replenishment;

  it('measures cover at the last 30 days’ pace, none when nothing sold', () => {
    expect(coverDays({ onHand: 998, sold30d: 2, daysSinceSale: 0 })).toBe(14970);
    expect(coverDays({ onHand: 10, sold30d: 3, daysSinceSale: 0 })).toBe(100);
    expect(coverDays({ onHand: 10, sold30d: 0, daysSinceSale: 5 })).toBeNull();
  });

  it('flags overstock above 180 days of cover by default, and at the configured cover', () => {
    const level = (onHand: number) => ({ onHand, sold30d: 30, daysSinceSale: 0 });
    expect(isOverstocked(level(180), defaults)).toBe(false);
    expect(isOverstocked(level(181), defaults)).toBe(true);
    expect(isOverstocked({ onHand: 500, sold30d: 0, daysSinceSale: 10 }, defaults)).toBe(false);
    const shop = loadInventoryConfig({ INVENTORY_OVERSTOCK_COVER_DAYS: '90' }).replenishment;
    expect(isOverstocked(level(120), defaults)).toBe(false);
    expect(isOverstocked(level(120), shop)).toBe(true);
  });

  it('calls stock slow after 60 days without a sale and over 90 days of cover, each configurable', () => {
    expect(isSlowMoving({ onHand: 20, sold30d: 0, daysSinceSale: 60 }, defaults)).toBe(true);
    expect(isSlowMoving({ onHand: 20, sold30d: 0, daysSinceSale: 59 }, defaults)).toBe(false);
    expect(isSlowMoving({ onHand: 20, sold30d: 0, daysSinceSale: null }, defaults)).toBe(true);
    expect(isSlowMoving({ onHand: 0, sold30d: 0, daysSinceSale: 100 }, defaults)).toBe(false);
    // Sold within 30 days but a week ago: slow only with more than 90 days of cover.
    expect(isSlowMoving({ onHand: 91, sold30d: 30, daysSinceSale: 70 }, defaults)).toBe(true);
    expect(isSlowMoving({ onHand: 90, sold30d: 30, daysSinceSale: 70 }, defaults)).toBe(false);
    const shop = loadInventoryConfig({ INVENTORY_SLOW_NO_SALE_DAYS: '30', INVENTORY_SLOW_COVER_DAYS: '60' }).replenishment;
    expect(isSlowMoving({ onHand: 70, sold30d: 30, daysSinceSale: 40 }, defaults)).toBe(false);
    expect(isSlowMoving({ onHand: 70, sold30d: 30, daysSinceSale: 40 }, shop)).toBe(true);
  });
});
