import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, receiveStock, stockOf, testPool } from '@shopops/testing';

const PO = `__typename ... on PurchaseOrder { id number status progressPercent lines { skuCode quantityOrdered quantityReceived unitCostFen } } ... on ErrorResult { errorCode message }`;

describe('suppliers, purchase orders and the replenishment loop', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());
  const op = async (query: string, variables: Record<string, unknown>, role: 'operator' | 'warehouse' = 'operator') =>
    Object.values(await gateway.data<Record<string, Record<string, unknown>>>(query, variables, { role }))[0];
  const supplier = async () => {
    const code = `SUP-${randomUUID().slice(0, 6)}`;
    await op(`mutation($i: UpsertSupplierInput!) { upsertSupplier(input: $i) { code } }`, { i: { code, name: '杭州丝绸厂', kind: 'CORE' } });
    return code;
  };
  const link = (skuCode: string, supplierCode: string, moq = 50, unitCostFen = 30000, backupOrder = 0) =>
    op(`mutation($i: LinkSkuSupplierInput!) { linkSkuSupplier(input: $i) { __typename } }`, {
      i: { skuCode, supplierCode, leadTimeDays: 10, moq, unitCostFen, backupOrder },
    });
  const createPo = (supplierCode: string, skuCode: string, quantity: number, expectedAt = new Date(Date.now() + 86_400_000).toISOString()) =>
    op(`mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { ${PO} } }`, {
      i: { supplierCode, locationCode: 'CENTRAL', expectedAt, lines: [{ skuCode, quantity }] },
    });
  const act = (name: string, id: string) => op(`mutation($id: ID!) { ${name}(id: $id) { ${PO} } }`, { id });
  const receive = (purchaseOrderId: string, skuCode: string, quantity: number) =>
    op(
      `mutation($i: ReceivePurchaseOrderInput!) { receivePurchaseOrder(input: $i) { ${PO} } }`,
      { i: { purchaseOrderId, lines: [{ skuCode, quantity }] } },
      'warehouse',
    );

  it('runs a purchase order from draft to received, refusing MOQ breaches, early receipts and over-receipts', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'CENTRAL', 1);
    const code = await supplier();
    await link(sku, code);
    expect(await createPo(code, sku, 20)).toMatchObject({ __typename: 'BelowMinimumOrderError', errorCode: 'BELOW_MINIMUM_ORDER' });
    const draft = await createPo(code, sku, 100);
    expect(draft).toMatchObject({
      __typename: 'PurchaseOrder',
      status: 'DRAFT',
      lines: [{ skuCode: sku, quantityOrdered: 100, quantityReceived: 0, unitCostFen: 30000 }],
    });
    const id = String(draft.id);
    expect(await receive(id, sku, 10)).toMatchObject({ __typename: 'InvalidStateError' });
    expect(await act('sendPurchaseOrder', id)).toMatchObject({ status: 'SENT' });
    expect(await act('confirmPurchaseOrder', id)).toMatchObject({ status: 'CONFIRMED' });
    expect(
      await op(`mutation($i: PurchaseOrderProgressInput!) { updatePurchaseOrderProgress(input: $i) { ${PO} } }`, {
        i: { purchaseOrderId: id, progressPercent: 60, note: '面料到厂，裁剪中' },
      }),
    ).toMatchObject({ progressPercent: 60 });
    expect(await receive(id, sku, 60)).toMatchObject({ status: 'PARTLY_RECEIVED' });
    expect(await receive(id, sku, 41)).toMatchObject({ __typename: 'ReceiveExceedsOrderedError', errorCode: 'RECEIVE_EXCEEDS_ORDERED' });
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 61 });
    expect(await receive(id, sku, 40)).toMatchObject({ status: 'RECEIVED' });
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 101 });
    expect(await act('cancelPurchaseOrder', id)).toMatchObject({ __typename: 'InvalidStateError' });
    const graded = await gateway.data<{ suppliers: Array<{ code: string; grade: string; onTimeRate: number; qualityPassRate: number }> }>(
      `{ suppliers { code grade onTimeRate qualityPassRate onTimeTarget meetsOnTimeTarget } }`,
      {},
      { role: 'operator' },
    );
    expect(graded.suppliers.find((s) => s.code === code)).toEqual({
      code,
      grade: 'A',
      onTimeRate: 1,
      qualityPassRate: 1,
      onTimeTarget: 0.95,
      meetsOnTimeTarget: true,
    });
  });

  it('grades a supplier down on late deliveries and quality issues from customer service', async () => {
    const [sku] = await createSkus(gateway);
    const code = await supplier();
    await link(sku, code, 10);
    const late = await createPo(code, sku, 100, new Date(Date.now() - 86_400_000).toISOString());
    await act('sendPurchaseOrder', String(late.id));
    await receive(String(late.id), sku, 100);
    await db.query(`INSERT INTO customer_service.outbox (event_id, type, payload) VALUES ($1, 'customer-service.quality-issue.opened.v1', $2)`, [
      randomUUID(),
      JSON.stringify({ issueId: randomUUID(), skuCode: sku, reason: '起球', source: 'after-sales', occurrences: 20 }),
    ]);
    const graded = await eventually(
      async () =>
        (
          await gateway.data<{ suppliers: Array<{ code: string; grade: string; onTimeRate: number; qualityPassRate: number }> }>(
            `{ suppliers { code grade onTimeRate qualityPassRate meetsOnTimeTarget } }`,
            {},
            { role: 'operator' },
          )
        ).suppliers.find((s) => s.code === code),
      (s) => s?.qualityPassRate === 0.8,
      { what: 'the quality issue to regrade the supplier', timeoutMs: 45_000 },
    );
    // 0.5 × 0 on time + 0.3 × 0.8 quality + 0.2 × 1 cost = 0.44; under the 95% on-time target, flagged.
    expect(graded).toEqual({ code, grade: 'D', onTimeRate: 0, qualityPassRate: 0.8, meetsOnTimeTarget: false });
  });

  it('closes the loop: low stock → suggestion → draft purchase order → receipt → stock up', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'SH-FRONT', 3);
    const code = await supplier();
    await link(sku, code, 50);
    await op(`mutation($i: SetStockPolicyInput!) { setStockPolicy(input: $i) { __typename } }`, {
      i: { skuCode: sku, locationCode: 'SH-FRONT', safetyStock: 10, reorderPoint: 15 },
    });
    const drafts = (
      await gateway.data<{
        draftPurchaseOrdersFromSuggestions: Array<{ id: string; supplierCode: string; lines: Array<{ skuCode: string; quantityOrdered: number }> }>;
      }>(`mutation { draftPurchaseOrdersFromSuggestions { id supplierCode lines { skuCode quantityOrdered } } }`, {}, { role: 'operator' })
    ).draftPurchaseOrdersFromSuggestions;
    const mine = drafts.find((d) => d.supplierCode === code);
    expect(mine?.lines).toEqual([{ skuCode: sku, quantityOrdered: 50 }]);
    await act('sendPurchaseOrder', String(mine?.id));
    const [po] = (await db.query(`SELECT location_code FROM inventory.purchase_order WHERE id = $1`, [mine?.id])).rows;
    expect(po.location_code).toBe('SH-FRONT');
    await receive(String(mine?.id), sku, 50);
    expect(await stockOf(gateway, sku)).toMatchObject({ onHand: 53, available: 53 });
  });

  it('keeps backup suppliers per SKU in order: promoting a backup makes the former primary the first backup, and orders go to the primary', async () => {
    const [sku] = await createSkus(gateway);
    const [core, flexible, spare] = [await supplier(), await supplier(), await supplier()];
    await link(sku, core, 200, 30000, 0);
    await link(sku, flexible, 50, 34000, 1);
    await link(sku, spare, 50, 36000, 2);
    const linksOf = async () =>
      (
        await gateway.data<{ suppliers: Array<{ code: string; skus: Array<{ skuCode: string; backupOrder: number }> }> }>(
          `{ suppliers { code skus { skuCode backupOrder } } }`,
          {},
          { role: 'operator' },
        )
      ).suppliers
        .flatMap((s) => s.skus.filter((l) => l.skuCode === sku).map((l) => ({ supplier: s.code, backupOrder: l.backupOrder })))
        .sort((a, b) => a.backupOrder - b.backupOrder)
        .map((l) => l.supplier);
    expect(await linksOf()).toEqual([core, flexible, spare]);
    // The core factory falls behind: the flexible one takes over as primary; nobody is dropped.
    await link(sku, flexible, 50, 34000, 0);
    expect(await linksOf()).toEqual([flexible, core, spare]);
    await receiveStock(gateway, sku, 'CENTRAL', 1);
    await op(`mutation($i: SetStockPolicyInput!) { setStockPolicy(input: $i) { __typename } }`, {
      i: { skuCode: sku, locationCode: 'CENTRAL', safetyStock: 5, reorderPoint: 5 },
    });
    const suggestions = await gateway.data<{ replenishmentSuggestions: Array<{ skuCode: string; supplierCode: string }> }>(
      `{ replenishmentSuggestions { skuCode supplierCode } }`,
      {},
      { role: 'operator' },
    );
    expect(suggestions.replenishmentSuggestions.find((s) => s.skuCode === sku)?.supplierCode).toBe(flexible);
  });
});
