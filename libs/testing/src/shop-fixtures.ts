import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import type { GatewayClient } from './graphql-client';

/** A fresh product with `count` SKUs, created through the gateway; returns the SKU codes. */
export async function createSkus(gateway: GatewayClient, count = 1, listPriceFen = 99900, prefix = 'T'): Promise<string[]> {
  const code = `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
  const skus = Array.from({ length: count }, (_, i) => ({ code: `${code}-${i + 1}`, listPriceFen }));
  const data = await gateway.data<{ createProduct: { __typename: string } }>(
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { __typename } }`,
    { input: { code, title: `测试商品 ${code}`, categoryCode: 'DRESS', skus } },
    { role: 'operator' },
  );
  if (data.createProduct.__typename !== 'Product') throw new Error(`createProduct answered ${data.createProduct.__typename}`);
  return skus.map((s) => s.code);
}

/** Receives stock, waiting first for inventory to learn the SKU from the catalog's event. */
export async function receiveStock(gateway: GatewayClient, skuCode: string, locationCode: string, quantity: number): Promise<void> {
  await eventually(
    async () =>
      (
        await gateway.data<{ receiveStock: { __typename: string } }>(
          `mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { __typename } }`,
          { input: { skuCode, locationCode, quantity, reason: 'test receipt' } },
          { role: 'warehouse' },
        )
      ).receiveStock.__typename,
    (typename) => typename === 'StockLevel',
    { what: `inventory to accept stock for ${skuCode}` },
  );
}

export interface StockFigures {
  readonly onHand: number;
  readonly reserved: number;
  readonly available: number;
}

export async function stockOf(gateway: GatewayClient, skuCode: string): Promise<StockFigures> {
  const data = await gateway.data<{ sku: { stock: StockFigures } }>(
    `query($c: String!) { sku(code: $c) { stock { onHand reserved available } } }`,
    { c: skuCode },
    { role: 'operator' },
  );
  return data.sku.stock;
}

export interface ReservationView {
  readonly status: string;
  readonly reason: string | null;
  readonly paid: boolean;
  readonly lines: Array<{ skuCode: string; locationCode: string | null; quantity: number }>;
}

export async function reservationOf(gateway: GatewayClient, channel: string, orderId: string): Promise<ReservationView | null> {
  const data = await gateway.data<{ reservation: ReservationView | null }>(
    `query($ch: String!, $o: String!) { reservation(channel: $ch, orderId: $o) { status reason paid lines { skuCode locationCode quantity } } }`,
    { ch: channel, o: orderId },
    { role: 'operator' },
  );
  return data.reservation;
}

/**
 * A new core supplier of `skuCode` with one on-time delivery of 100 units received at CENTRAL: a
 * clean record to grade from. Returns the supplier's code.
 */
export async function supplierWithCleanRecord(
  gateway: GatewayClient,
  skuCode: string,
  { name, unitCostFen }: { name: string; unitCostFen: number },
): Promise<string> {
  const operator = { role: 'operator' as const };
  const supplier = `SUP-${randomUUID().slice(0, 6)}`;
  await gateway.data(`mutation($i: UpsertSupplierInput!) { upsertSupplier(input: $i) { code } }`, { i: { code: supplier, name, kind: 'CORE' } }, operator);
  await gateway.data(
    `mutation($i: LinkSkuSupplierInput!) { linkSkuSupplier(input: $i) { __typename } }`,
    { i: { skuCode, supplierCode: supplier, leadTimeDays: 10, moq: 10, unitCostFen } },
    operator,
  );
  const po = await gateway.data<{ createPurchaseOrder: { id: string } }>(
    `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { ... on PurchaseOrder { id } } }`,
    {
      i: {
        supplierCode: supplier,
        locationCode: 'CENTRAL',
        expectedAt: new Date(Date.now() + 86_400_000).toISOString(),
        lines: [{ skuCode, quantity: 100 }],
      },
    },
    operator,
  );
  await gateway.data(`mutation($id: ID!) { sendPurchaseOrder(id: $id) { __typename } }`, { id: po.createPurchaseOrder.id }, operator);
  await gateway.data(
    `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { __typename } }`,
    { i: { purchaseOrderId: po.createPurchaseOrder.id, lines: [{ skuCode, quantity: 100 }] } },
    { role: 'warehouse' },
  );
  return supplier;
}
