import { graphql } from '@shopops/client';
import { inParallel, type DemoContext } from './demo-context';
import type { DemoSku } from './catalog.demo';
import { HERO_COMPANION, HERO_SKU } from './shop-history';

const RECEIPTS_PER_REQUEST = 50;

const ReceiveStock = graphql(`
  mutation DemoReceiveStock($input: ReceiveStockInput!) {
    receiveStock(input: $input) {
      __typename
    }
  }
`);

/** Opening stock: every SKU at the central warehouse, every tenth also at both front warehouses; the best sellers deep. */
export async function seedInventory(ctx: DemoContext, skus: readonly DemoSku[]): Promise<void> {
  await waitUntilInventoryKnows(ctx, skus[skus.length - 1].code);
  const receipts = skus.flatMap((sku, i) => [
    {
      skuCode: sku.code,
      locationCode: 'CENTRAL',
      quantity: (sku.code === HERO_SKU || sku.code === HERO_COMPANION ? 600 : 20) + Math.floor(ctx.random() * 80),
      reason: 'opening stock',
    },
    ...(i % 10 === 0
      ? [
          { skuCode: sku.code, locationCode: 'SH-FRONT', quantity: 5 + Math.floor(ctx.random() * 20), reason: 'opening stock' },
          { skuCode: sku.code, locationCode: 'GZ-FRONT', quantity: 5 + Math.floor(ctx.random() * 20), reason: 'opening stock' },
        ]
      : []),
  ]);
  const chunks = Array.from({ length: Math.ceil(receipts.length / RECEIPTS_PER_REQUEST) }, (_, i) =>
    receipts.slice(i * RECEIPTS_PER_REQUEST, (i + 1) * RECEIPTS_PER_REQUEST),
  );
  // Many receipts per request through aliases; each is still its own mutation and transaction.
  await inParallel(chunks, 4, async (chunk) => {
    const fields = chunk.map((_, i) => `r${i}: receiveStock(input: $r${i}) { __typename }`).join('\n');
    const params = chunk.map((_, i) => `$r${i}: ReceiveStockInput!`).join(', ');
    await ctx.graphql(`mutation(${params}) { ${fields} }`, Object.fromEntries(chunk.map((r, i) => [`r${i}`, r])), 'warehouse');
  });
  ctx.log(`inventory: ${receipts.length} opening stock receipts`);
}

/** The catalog's SKUs reach inventory as events; wait for the last one before receiving stock. */
async function waitUntilInventoryKnows(ctx: DemoContext, skuCode: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const result = await ctx.request(ReceiveStock, { input: { skuCode, locationCode: 'CENTRAL', quantity: 1, reason: 'opening stock' } }, 'warehouse');
    if (result.receiveStock.__typename !== 'NotFoundError') return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`inventory never learned SKU ${skuCode}`);
}
