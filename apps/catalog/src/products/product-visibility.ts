import type { RequestContext } from '@shopops/platform';
import { LifecycleStageValue, ProductStatus, type Product } from './product.entity';
import type { Sku } from './sku.entity';

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

/** A SKU is on sale where its product is and while it is not archived. */
export function isSkuOnSale(sku: Pick<Sku, 'archived'>, product: Pick<Product, 'status' | 'lifecycleStage'> | undefined): boolean {
  return !sku.archived && product !== undefined && isOnSale(product);
}

/** The SKUs of one product that the caller may see: archived ones only for staff. */
export function skusVisibleTo<S extends Pick<Sku, 'archived'>>(ctx: RequestContext | undefined, skus: S[]): S[] {
  return seesWholeRange(ctx) ? skus : skus.filter((sku) => !sku.archived);
}
