/** One stock level as sharing sees it. */
export interface SharingLevel {
  readonly skuCode: string;
  readonly locationCode: string;
  readonly available: number;
  /** Units shipped from this location over the last 30 days. */
  readonly sold30d: number;
  readonly slow: boolean;
}

export interface SlowStockTransfer {
  readonly skuCode: string;
  readonly fromLocation: string;
  readonly toLocation: string;
  readonly quantity: number;
  /** The receiving location's units sold per day over the last 30 days. */
  readonly targetDailyDemand: number;
  readonly targetAvailable: number;
}

/**
 * Sharing slow stock between shops: stock that does not sell where it is goes to the locations
 * that sell the same SKU, each topped up to `coverDays` of its own demand, the busiest first.
 */
export function planSlowStockTransfers(levels: readonly SharingLevel[], coverDays: number): SlowStockTransfer[] {
  const bySku = new Map<string, SharingLevel[]>();
  for (const l of levels) bySku.set(l.skuCode, [...(bySku.get(l.skuCode) ?? []), l]);
  const transfers: SlowStockTransfer[] = [];
  for (const [skuCode, skuLevels] of [...bySku].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const sources = skuLevels
      .filter((l) => l.slow && l.available > 0)
      .map((l) => ({ level: l, left: l.available }))
      .sort((a, b) => b.left - a.left);
    const targets = skuLevels
      .filter((l) => !l.slow && l.sold30d > 0)
      .map((l) => ({ level: l, daily: l.sold30d / 30, need: Math.ceil((l.sold30d / 30) * coverDays) - l.available }))
      .filter((t) => t.need > 0)
      .sort((a, b) => b.daily - a.daily || (a.level.locationCode < b.level.locationCode ? -1 : 1));
    for (const target of targets) {
      for (const source of sources) {
        if (target.need === 0) break;
        const quantity = Math.min(source.left, target.need);
        if (quantity === 0) continue;
        source.left -= quantity;
        target.need -= quantity;
        transfers.push({
          skuCode,
          fromLocation: source.level.locationCode,
          toLocation: target.level.locationCode,
          quantity,
          targetDailyDemand: Math.round(target.daily * 100) / 100,
          targetAvailable: target.level.available,
        });
      }
    }
  }
  return transfers;
}
