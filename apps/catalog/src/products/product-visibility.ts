import type { RequestContext } from '@shopops/platform';
import { LifecycleStageValue, ProductStatus, type Product } from './product.entity';

/** Roles that see the whole range (drafts, archived and exited products, designer notes, portfolio roles). */
export const CATALOG_STAFF = ['operator', 'warehouse', 'cs_agent', 'analyst'] as const;

/** Anonymous callers and members see only what is on sale; staff and the system see everything. */
export function seesWholeRange(ctx: RequestContext | undefined): boolean {
  return ctx !== undefined && (ctx.isStaff || ctx.identity.role === 'system');
}

/** Published, not archived, and not at the end of its life. */
export function isOnSale(product: Pick<Product, 'status' | 'lifecycleStage'>): boolean {
  return product.status === ProductStatus.ON_SALE && product.lifecycleStage !== LifecycleStageValue.EXIT;
}

/** The product if the caller may see it. */
export function visibleTo<P extends Pick<Product, 'status' | 'lifecycleStage'>>(ctx: RequestContext | undefined, product: P | undefined): P | undefined {
  return product && (seesWholeRange(ctx) || isOnSale(product)) ? product : undefined;
}
