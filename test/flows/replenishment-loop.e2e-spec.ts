import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, receiveStock, stockOf, testPool } from '@shopops/testing';
import { graphql } from '@shopops/client';
import { typedGateway } from './typed-gateway';

const UpsertSupplier = graphql(`
  mutation ReplenishmentUpsertSupplier($i: UpsertSupplierInput!) {
    upsertSupplier(input: $i) {
      code
    }
  }
`);
const LinkSkuSupplier = graphql(`
  mutation ReplenishmentLinkSkuSupplier($i: LinkSkuSupplierInput!) {
    linkSkuSupplier(input: $i) {
      __typename
    }
  }
`);
const SetStockPolicy = graphql(`
  mutation ReplenishmentSetStockPolicy($i: SetStockPolicyInput!) {
    setStockPolicy(input: $i) {
      __typename
    }
  }
`);
const DraftPurchaseOrders = graphql(`
  mutation ReplenishmentDraftPurchaseOrders {
    draftPurchaseOrdersFromSuggestions {
      id
      supplierCode
      lines {
        skuCode
        quantityOrdered
      }
    }
  }
`);
const SendPurchaseOrder = graphql(`
  mutation ReplenishmentSendPurchaseOrder($id: ID!) {
    sendPurchaseOrder(id: $id) {
      __typename
    }
  }
`);
const ReceivePurchaseOrder = graphql(`
  mutation ReplenishmentReceivePurchaseOrder($i: ReceivePurchaseOrderInput!) {
    receivePurchaseOrder(input: $i) {
      __typename
    }
  }
`);
const PortfolioSuggestions = graphql(`
  query ReplenishmentPortfolioSuggestions {
    portfolioSuggestions {
      productCode
      currentRole
      suggestedRole
      reason
    }
  }
`);
const AcceptSuggestion = graphql(`
  mutation ReplenishmentAcceptSuggestion($c: String!) {
    acceptPortfolioSuggestion(productCode: $c) {
      __typename
      ... on Product {
        portfolioRole
      }
    }
  }
`);
const AcceptSuggestionAgain = graphql(`
  mutation ReplenishmentAcceptSuggestionAgain($c: String!) {
    acceptPortfolioSuggestion(productCode: $c) {
      __typename
    }
  }
`);

/**
 * The replenishment loop through the gateway — stock low → suggestion → purchase order →
 * receipt → stock up — and its other end: stock that does not sell becomes a clearance
 * suggestion in the catalog, which an operator accepts.
 */
describe('replenishment loop', () => {
  const gateway = new GatewayClient();
  const operator = typedGateway(gateway, 'operator');
  const db = testPool();
  afterAll(() => db.end());

  it('reorders low stock from the primary supplier and puts the receipt on the shelf', async () => {
    const [sku] = await createSkus(gateway, 1, 39900, 'RPL');
    await receiveStock(gateway, sku, 'GZ-FRONT', 4);
    const supplier = `SUP-${randomUUID().slice(0, 6)}`;
    await operator.request(UpsertSupplier, { i: { code: supplier, name: '广州成衣厂', kind: 'CORE' } });
    await operator.request(LinkSkuSupplier, { i: { skuCode: sku, supplierCode: supplier, leadTimeDays: 7, moq: 30, unitCostFen: 12000 } });
    await operator.request(SetStockPolicy, { i: { skuCode: sku, locationCode: 'GZ-FRONT', safetyStock: 8, reorderPoint: 12 } });
    const drafts = (await operator.request(DraftPurchaseOrders)).draftPurchaseOrdersFromSuggestions;
    const po = drafts.find((d) => d.supplierCode === supplier)!;
    expect(po.lines).toEqual([{ skuCode: sku, quantityOrdered: 30 }]);
    await operator.request(SendPurchaseOrder, { id: po.id });
    await typedGateway(gateway, 'warehouse').request(ReceivePurchaseOrder, { i: { purchaseOrderId: po.id, lines: [{ skuCode: sku, quantity: 30 }] } });
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 34, available: 34 });
  });

  it('turns stock that has not sold for months into a clearance suggestion the operator accepts', async () => {
    const [sku] = await createSkus(gateway, 1, 129900, 'SLOW');
    await receiveStock(gateway, sku, 'CENTRAL', 40);
    const productCode = sku.replace(/-1$/, '');
    // Time travel: the stock arrived 120 days ago and nothing has sold since.
    await db.query(`UPDATE inventory.stock_movement SET created_at = now() - interval '120 days' WHERE sku_code = $1`, [sku]);
    const suggestions = async () => (await operator.request(PortfolioSuggestions)).portfolioSuggestions;
    const [suggestion] = await eventually(
      async () => (await suggestions()).filter((s) => s.productCode === productCode),
      (list) => list.length === 1,
      { what: 'the clearance suggestion', timeoutMs: 30_000 },
    );
    expect(suggestion).toMatchObject({ currentRole: 'TEST', suggestedRole: 'CLEARANCE', reason: expect.stringContaining('40 on hand') });

    const accepted = await operator.request(AcceptSuggestion, { c: productCode });
    expect(accepted.acceptPortfolioSuggestion).toEqual({ __typename: 'Product', portfolioRole: 'CLEARANCE' });
    expect((await suggestions()).filter((s) => s.productCode === productCode)).toEqual([]);
    const again = await operator.request(AcceptSuggestionAgain, { c: productCode });
    expect(again.acceptPortfolioSuggestion.__typename).toBe('NotFoundError');
  });
});
