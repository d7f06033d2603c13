import type { InventoryConfig } from '../inventory.config';

/** How one stock level is selling. */
export interface LevelPace {
  readonly onHand: number;
  /** Units shipped over the last 30 days. */
  readonly sold30d: number;
  /** Days since the last sale (or since the level was first stocked); null when never. */
  readonly daysSinceSale: number | null;
}

type HealthPolicy = Pick<InventoryConfig['replenishment'], 'overstockCoverDays' | 'slowMovingNoSaleDays' | 'slowMovingCoverDays'>;

/** Days the stock lasts at the last 30 days' pace; null when nothing sold. */
export function coverDays(p: LevelPace): number | null {
  return p.sold30d > 0 ? Math.round((p.onHand / (p.sold30d / 30)) * 10) / 10 : null;
}

/** 滞销: no sale for the configured days and more than the configured cover (or no sales at all). */
export function isSlowMoving(p: LevelPace, policy: HealthPolicy): boolean {
  if (p.onHand <= 0) return false;
  const noRecentSale = p.daysSinceSale === null || p.daysSinceSale >= policy.slowMovingNoSaleDays;
  const cover = coverDays(p);
  return noRecentSale && (cover === null || cover > policy.slowMovingCoverDays);
}

/** Stock far above demand: more cover than the configured days at the last 30 days' pace. */
export function isOverstocked(p: LevelPace, policy: HealthPolicy): boolean {
  const cover = coverDays(p);
  return cover !== null && cover > policy.overstockCoverDays;
}
