/**
 * The "4321" rule is about resources, not product counts: of what the four target roles get,
 * core should have 40%, potential 30%, test 20%, clearance 10%. Traffic drivers and the long
 * tail have no target; what they take is reported apart, as a share of all resources.
 */
export interface RoleResources {
  readonly role: string;
  readonly products: number;
  /** Resource units the role's products got (promotion slot-days). */
  readonly resourceDays: number;
}

export interface RoleResourceShare extends RoleResources {
  /** Percent of the live range's products. */
  readonly productSharePercent: number;
  /** Target roles: percent of the target roles' resources; others: percent of all resources. */
  readonly resourceSharePercent: number;
  readonly targetPercent: number | null;
  /** resourceSharePercent − target, in percentage points; null without a target. */
  readonly gapPoints: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percentOf = (part: number, whole: number) => (whole > 0 ? round1((100 * part) / whole) : 0);

export function resourceMix(rows: readonly RoleResources[], targets: Readonly<Record<string, number>>): RoleResourceShare[] {
  const products = rows.reduce((n, r) => n + r.products, 0);
  const all = rows.reduce((n, r) => n + r.resourceDays, 0);
  const targeted = rows.filter((r) => r.role in targets).reduce((n, r) => n + r.resourceDays, 0);
  return rows.map((r) => {
    const target = r.role in targets ? targets[r.role] : null;
    const resourceSharePercent = percentOf(r.resourceDays, target === null ? all : targeted);
    return {
      ...r,
      productSharePercent: percentOf(r.products, products),
      resourceSharePercent,
      targetPercent: target,
      gapPoints: target === null ? null : round1(resourceSharePercent - target),
    };
  });
}
