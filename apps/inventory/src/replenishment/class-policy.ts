import type { AbcClass } from '../analysis/abc';
import type { InventoryConfig } from '../inventory.config';

/** How a SKU is replenished, by its ABC class (DOMAIN: A turnover ≤ 30 days, B small fast batches, C pre-sale). */
export type ReplenishmentPolicy = 'TURNOVER_CAP' | 'SMALL_FAST_BATCHES' | 'PRE_SALE' | 'STANDARD';

export interface ClassPlan {
  readonly policy: ReplenishmentPolicy;
  /** Days of forecast demand to hold after the lead time; 0 = none bought ahead of sales. */
  readonly coverDays: number;
  /** Order from the supplier with the smallest MOQ (flexible runs) rather than the primary. */
  readonly smallestBatch: boolean;
}

/**
 * A: at most `aTurnoverDays` of demand on top of safety stock. B: `bBatchCoverDays` from the
 * smallest-MOQ supplier. C: no stock bought ahead of demand, only the safety-stock shortfall;
 * further units are sold on pre-sale. A SKU with no stock value has no class and takes the
 * shop's standard cover.
 */
export function classPlan(abcClass: AbcClass | null, config: Pick<InventoryConfig, 'classPolicies' | 'replenishment'>): ClassPlan {
  switch (abcClass) {
    case 'A':
      return { policy: 'TURNOVER_CAP', coverDays: config.classPolicies.aTurnoverDays, smallestBatch: false };
    case 'B':
      return { policy: 'SMALL_FAST_BATCHES', coverDays: config.classPolicies.bBatchCoverDays, smallestBatch: true };
    case 'C':
      return { policy: 'PRE_SALE', coverDays: 0, smallestBatch: false };
    default:
      return { policy: 'STANDARD', coverDays: config.replenishment.coverDays, smallestBatch: false };
  }
}

/** Demand the order should buy for: none over the lead time either when the class sells on pre-sale. */
export function plannedDailyDemand(plan: ClassPlan, dailyDemand: number): number {
  return plan.policy === 'PRE_SALE' ? 0 : dailyDemand;
}

/** The supplier an order goes to: the primary, or for small batches the one with the smallest MOQ (backup order breaks ties). */
export function chooseSupplier<T extends { moq: number; backupOrder: number }>(links: readonly T[], plan: ClassPlan): T | undefined {
  const byOrder = [...links].sort((a, b) => a.backupOrder - b.backupOrder);
  if (!plan.smallestBatch) return byOrder[0];
  return byOrder.reduce<T | undefined>((best, l) => (best === undefined || l.moq < best.moq ? l : best), undefined);
}
