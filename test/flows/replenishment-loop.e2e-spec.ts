import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, receiveStock, stockOf, testPool } from '@shopops/testing';

/**
 * The replenishment loop through the gateway — stock low → suggestion → purchase order →
 * receipt → stock up — and its other end: stock that does not sell becomes a clearance
 * suggestion in the catalog, which an operator accepts.
 */
describe('replenishment loop', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());

  it('reorders low stock from the primary supplier and puts the receipt on the shelf', async () => {
    const [sku] = await createSkus(gateway, 1, 39900, 'RPL');
    await receiveStock(gateway, sku, 'GZ-FRONT', 4);
    const supplier = `SUP-${randomUUID().slice(0, 6)}`;
    await gateway.data(
      `mutation($i: UpsertSupplierInput!) { upsertSupplier(input: $i) { code } }`,
      { i: { code: supplier, name: '广州成衣厂', kind: 'CORE' } },
      operator,
    );
    await gateway.data(
      `mutation($i: LinkSkuSupplierInput!) { linkSkuSupplier(input: $i) { __typename } }`,
      { i: { skuCode: sku, supplierCode: supplier, leadTimeDays: 7, moq: 30, unitCostFen: 12000 } },
      operator,
    );
    await gateway.data(
      `mutation($i: SetStockPolicyInput!) { setStockPolicy(input: $i) { __typename } }`,
      { i: { skuCode: sku, locationCode: 'GZ-FRONT', safetyStock: 8, reorderPoint: 12 } },
      operator,
    );
    const drafts = (
      await gateway.data<{
        draftPurchaseOrdersFromSuggestions: Array<{ id: string; supplierCode: string; lines: Array<{ skuCode: string; quantityOrdered: number }> }>;
      }>(`mutation { draftPurchaseOrdersFromSuggestions { id supplierCode lines { skuCode quantityOrdered } } }`, {}, operator)
    ).draftPurchaseOrdersFromSuggestions;
    const po = drafts.find((d) => d.supplierCode === supplier)!;
    expect(po.lines).toEqual([{ skuCode: sku, quantityOrdered: 30 }]);
    await gateway.data(`mutation($id: ID!) { sendPurchaseOrder(id: $id) { __typename } }`, { id: po.id }, operator);
    await gateway.data(
      `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { __typename } }`,
      { i: { purchaseOrderId: po.id, lines: [{ skuCode: sku, quantity: 30 }] } },
      { role: 'warehouse' },
    );
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 34, available: 34 });
  });

  it('turns stock that has not sold for months into a clearance suggestion the operator accepts', async () => {
    const [sku] = await createSkus(gateway, 1, 129900, 'SLOW');
    await receiveStock(gateway, sku, 'CENTRAL', 40);
    const productCode = sku.replace(/-1$/, '');
    // Time travel: the stock arrived 120 days ago and nothing has sold since.
    await db.query(`UPDATE inventory.stock_movement SET created_at = now() - interval '120 days' WHERE sku_code = $1`, [sku]);
    const suggestions = async () =>
      (
        await gateway.data<{ portfolioSuggestions: Array<{ productCode: string; currentRole: string; suggestedRole: string; reason: string }> }>(
          `{ portfolioSuggestions { productCode currentRole suggestedRole reason } }`,
          {},
          operator,
        )
      ).portfolioSuggestions;
    const [suggestion] = await eventually(
      async () => (await suggestions()).filter((s) => s.productCode === productCode),
      (list) => list.length === 1,
      { what: 'the clearance suggestion', timeoutMs: 30_000 },
    );
    expect(suggestion).toMatchObject({ currentRole: 'TEST', suggestedRole: 'CLEARANCE', reason: expect.stringContaining('40 on hand') });

    const accepted = await gateway.data<{ acceptPortfolioSuggestion: { __typename: string; portfolioRole?: string } }>(
      `mutation($c: String!) { acceptPortfolioSuggestion(productCode: $c) { __typename ... on Product { portfolioRole } } }`,
      { c: productCode },
      operator,
    );
    expect(accepted.acceptPortfolioSuggestion).toEqual({ __typename: 'Product', portfolioRole: 'CLEARANCE' });
    expect((await suggestions()).filter((s) => s.productCode === productCode)).toEqual([]);
    const again = await gateway.data<{ acceptPortfolioSuggestion: { __typename: string } }>(
      `mutation($c: String!) { acceptPortfolioSuggestion(productCode: $c) { __typename } }`,
      { c: productCode },
      operator,
    );
    expect(again.acceptPortfolioSuggestion.__typename).toBe('NotFoundError');
  });
});
