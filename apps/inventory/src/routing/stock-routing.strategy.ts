/** Stock of one SKU at one location, as the router sees it. */
export interface LocationStock {
  readonly locationCode: string;
  readonly available: number;
  /** Region code prefixes the location serves first ("31" serves 310000 Shanghai). */
  readonly regions: readonly string[];
  /** Lower is preferred. */
  readonly priority: number;
  readonly isCentral: boolean;
}

export interface Allocation {
  readonly locationCode: string;
  readonly quantity: number;
}

/**
 * Picks where a line ships from. Swappable (INVENTORY_ROUTING=nearest|nearest-split or a
 * shop's own implementation); returns undefined when the line cannot be filled.
 */
export interface StockRoutingStrategy {
  allocate(quantity: number, region: string | undefined, stock: readonly LocationStock[]): Allocation[] | undefined;
}

export const STOCK_ROUTING = Symbol('STOCK_ROUTING');

/**
 * Nearest first (a location serving the buyer's region), then central, then the other
 * regions' front warehouses (a last resort before refusing); by priority within each.
 * Without a known region nothing is nearest, so central comes first.
 */
export function preferenceOrder(region: string | undefined, stock: readonly LocationStock[]): LocationStock[] {
  const serves = (s: LocationStock): boolean => region !== undefined && s.regions.some((prefix) => region.startsWith(prefix));
  const rank = (s: LocationStock): number => (serves(s) ? 0 : s.isCentral ? 1 : 2);
  return [...stock].sort((a, b) => rank(a) - rank(b) || a.priority - b.priority || a.locationCode.localeCompare(b.locationCode));
}

/** 分仓: the whole line from the most preferred location that can fill it. */
export class NearestLocationRouting implements StockRoutingStrategy {
  allocate(quantity: number, region: string | undefined, stock: readonly LocationStock[]): Allocation[] | undefined {
    const best = preferenceOrder(region, stock).find((s) => s.available >= quantity);
    return best ? [{ locationCode: best.locationCode, quantity }] : undefined;
  }
}

/** Like nearest, but a line no single location can fill is split across several, nearest first. */
export class NearestWithSplitRouting implements StockRoutingStrategy {
  private readonly whole = new NearestLocationRouting();

  allocate(quantity: number, region: string | undefined, stock: readonly LocationStock[]): Allocation[] | undefined {
    const single = this.whole.allocate(quantity, region, stock);
    if (single) return single;
    const allocations: Allocation[] = [];
    let left = quantity;
    for (const s of preferenceOrder(region, stock)) {
      if (left === 0) break;
      const take = Math.min(left, s.available);
      if (take > 0) {
        allocations.push({ locationCode: s.locationCode, quantity: take });
        left -= take;
      }
    }
    return left === 0 ? allocations : undefined;
  }
}
