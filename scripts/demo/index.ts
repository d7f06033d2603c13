import { seedCatalog } from './catalog.demo';
import type { DemoContext } from './demo-context';
import { seedInventory } from './inventory.demo';
import { seedOrders } from './orders.demo';

/**
 * Demo data for an empty database: a light-luxury apparel shop with ~200 styles in colour ×
 * size, stock in three warehouses, buyers and their orders. Everything goes through the public
 * API and signed webhooks, so the demo exercises the same paths as production.
 */
export async function seedDemoData(ctx: DemoContext): Promise<void> {
  const skus = await seedCatalog(ctx);
  await seedInventory(ctx, skus);
  await seedOrders(ctx, skus);
}

/** True when the catalog holds no product yet. */
export async function isEmpty(ctx: DemoContext): Promise<boolean> {
  const data = await ctx.graphql<{ products: { nodes: unknown[] } }>(`{ products(first: 1) { nodes { id } } }`, {}, 'operator');
  return data.products.nodes.length === 0;
}
