import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, reservationOf, sendWebhook, testPool } from '@shopops/testing';

describe('inventory health reports', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());
  const analyst = { role: 'analyst' as const };
  const operator = { role: 'operator' as const };

  /** Sells `quantity` units through a marketplace order that ships; waits until the stock has left. */
  const sell = async (skuCode: string, quantity: number, region = '310000') => {
    const orderId = `TB${randomUUID().slice(0, 12)}`;
    const data = orderData(orderId, { lines: [{ skuCode, quantity, unitPriceFen: 100 }], totalFen: 100 * quantity, region });
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.created', data })).status).toBe(202);
    const shipped = { ...data, shipment: { carrier: 'SF', trackingNo: `SF${orderId}` } };
    expect((await sendWebhook(gateway.baseUrl, 'taobao', { type: 'order.shipped', data: shipped })).status).toBe(202);
    await eventually(
      () => reservationOf(gateway, 'taobao', orderId),
      (r) => r?.status === 'COMMITTED',
      { what: `${orderId} to ship` },
    );
  };
  /** Time travel: the level's stock arrived this many days ago and nothing has sold since. */
  const stockedDaysAgo = (skuCode: string, locationCode: string, days: number) =>
    db.query(`UPDATE inventory.stock_movement SET created_at = now() - ($3::int * interval '1 day') WHERE sku_code = $1 AND location_code = $2`, [
      skuCode,
      locationCode,
      days,
    ]);
  const linkSupplier = async (skuCode: string, unitCostFen: number, moq = 1) => {
    const supplier = `SUP-${randomUUID().slice(0, 6)}`;
    await gateway.data(
      `mutation($i: UpsertSupplierInput!) { upsertSupplier(input: $i) { code } }`,
      { i: { code: supplier, name: 'Core', kind: 'CORE' } },
      operator,
    );
    await gateway.data(
      `mutation($i: LinkSkuSupplierInput!) { linkSkuSupplier(input: $i) { __typename } }`,
      { i: { skuCode, supplierCode: supplier, leadTimeDays: 10, moq, unitCostFen } },
      operator,
    );
    return supplier;
  };
  const setSafetyStock = (skuCode: string, locationCode: string, safetyStock: number) =>
    gateway.data(
      `mutation($i: SetStockPolicyInput!) { setStockPolicy(input: $i) { __typename } }`,
      { i: { skuCode, locationCode, safetyStock, reorderPoint: safetyStock } },
      operator,
    );

  it('values stock at the primary supplier cost, classifies it ABC and reports per category and location', async () => {
    const [cheap, dear] = await createSkus(gateway, 2, 100000);
    await receiveStock(gateway, cheap, 'CENTRAL', 10);
    await receiveStock(gateway, dear, 'GZ-FRONT', 10);
    const supplier = `SUP-${randomUUID().slice(0, 6)}`;
    await gateway.data(
      `mutation($i: UpsertSupplierInput!) { upsertSupplier(input: $i) { code } }`,
      { i: { code: supplier, name: 'Flex', kind: 'FLEXIBLE' } },
      { role: 'operator' },
    );
    await gateway.data(
      `mutation($i: LinkSkuSupplierInput!) { linkSkuSupplier(input: $i) { __typename } }`,
      { i: { skuCode: dear, supplierCode: supplier, leadTimeDays: 7, moq: 1, unitCostFen: 80000 } },
      { role: 'operator' },
    );
    const abc = await gateway.data<{ abcClassification: Array<{ skuCode: string; stockValueFen: number; abcClass: string }> }>(
      `{ abcClassification { skuCode stockValueFen abcClass } }`,
      {},
      { role: 'analyst' },
    );
    const row = (sku: string) => abc.abcClassification.find((r) => r.skuCode === sku);
    // Without a supplier cost, 60% of list price; with one, the supplier's cost.
    expect(row(cheap)?.stockValueFen).toBe(10 * 60000);
    expect(row(dear)?.stockValueFen).toBe(10 * 80000);
    expect(['A', 'B', 'C']).toContain(row(dear)?.abcClass);
    const byLocation = await gateway.data<{
      inventoryHealth: Array<{ group: string; stockValueFen: number; slowMovingShare: number; turnoverDays: number | null }>;
    }>(`{ inventoryHealth(groupBy: LOCATION) { group stockValueFen slowMovingShare turnoverDays } }`, {}, { role: 'analyst' });
    expect(byLocation.inventoryHealth.map((r) => r.group)).toEqual(expect.arrayContaining(['CENTRAL', 'GZ-FRONT']));
    const forecast = await gateway.data<{ demandForecast: { daily: number[]; total: number; weekdayIndex: number[] } }>(
      `query($s: String!) { demandForecast(skuCode: $s) { daily total weekdayIndex mape } }`,
      { s: cheap },
      { role: 'analyst' },
    );
    expect(forecast.demandForecast.daily).toHaveLength(30);
    expect(forecast.demandForecast.weekdayIndex).toHaveLength(7);
  });

  it('answers FORBIDDEN to roles outside operations and analysis', async () => {
    const response = await gateway.query(`{ abcClassification { skuCode } }`, {}, { role: 'cs_agent' });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('replenishes by ABC class: the most valuable SKU holds at most its A turnover with safety stock, a small one sells on pre-sale', async () => {
    const [dominant, small] = await createSkus(gateway, 2);
    await linkSupplier(dominant, 100_000_000);
    await receiveStock(gateway, dominant, 'CENTRAL', 100_000);
    await receiveStock(gateway, small, 'CENTRAL', 20);
    try {
      await sell(small, 10);
      // Sold yesterday: the forecast counts whole days up to yesterday.
      await db.query(`UPDATE inventory.stock_movement SET created_at = now() - interval '1 day' WHERE sku_code = $1 AND kind = 'SHIPMENT'`, [small]);
      await setSafetyStock(dominant, 'CENTRAL', 150_000);
      await setSafetyStock(small, 'CENTRAL', 15);
      type Suggestion = { skuCode: string; abcClass: string | null; policy: string; coverDays: number; dailyDemand: number; suggestedQuantity: number };
      const { replenishmentSuggestions } = await gateway.data<{ replenishmentSuggestions: Suggestion[] }>(
        `{ replenishmentSuggestions { skuCode abcClass policy coverDays dailyDemand suggestedQuantity } }`,
        {},
        analyst,
      );
      const of = (sku: string) => replenishmentSuggestions.find((r) => r.skuCode === sku);
      // The single most valuable SKU is A: 30 days of cover after the lead time, on top of its safety stock (no sales: 150,000 − 100,000).
      expect(of(dominant)).toMatchObject({ abcClass: 'A', policy: 'TURNOVER_CAP', coverDays: 30, suggestedQuantity: 50_000 });
      // Next to it the small SKU is C: it sells (10 yesterday), yet only the safety-stock shortfall is bought (15 − 10), where the
      // standard 30-day cover would buy about 20; further units sell on pre-sale.
      expect(of(small)?.dailyDemand).toBeGreaterThan(0);
      expect(of(small)).toMatchObject({ abcClass: 'C', policy: 'PRE_SALE', coverDays: 0, suggestedQuantity: 5 });
    } finally {
      // Leave the range as it was for other specs: the dominant SKU's stock counted away.
      await gateway.data(
        `mutation($i: RecordStockCountInput!) { recordStockCount(input: $i) { __typename } }`,
        { i: { skuCode: dominant, locationCode: 'CENTRAL', counted: 0, reason: 'test range restored' } },
        { role: 'warehouse' },
      );
    }
  });

  it('raises an overstock alert for stock far above its demand, and none for stock that sells', async () => {
    const [selling, overstocked] = await createSkus(gateway, 2);
    await receiveStock(gateway, selling, 'CENTRAL', 10);
    await receiveStock(gateway, overstocked, 'CENTRAL', 1000);
    await sell(selling, 5);
    await sell(overstocked, 2);
    type Alert = { kind: string; skuCode: string | null; locationCode: string | null; detail: string };
    const alertsOf = async () =>
      (await gateway.data<{ inventoryAlerts: Alert[] }>(`{ inventoryAlerts(open: true) { kind skuCode locationCode detail } }`, {}, analyst)).inventoryAlerts;
    const alerts = await eventually(alertsOf, (list) => list.some((a) => a.kind === 'OVERSTOCK' && a.skuCode === overstocked), {
      what: 'the stock health scan to flag the overstock',
      timeoutMs: 30_000,
    });
    const overstock = alerts.find((a) => a.kind === 'OVERSTOCK' && a.skuCode === overstocked) as Alert;
    // 998 on hand at 2 sold in 30 days: 14,970 days of cover, far above 180.
    expect(overstock.locationCode).toBe('CENTRAL');
    expect(JSON.parse(overstock.detail)).toEqual({ onHand: 998, coverDays: 14970 });
    // The same scan saw 5 left at 5 sold in 30 days: 30 days of cover, no alert.
    expect(alerts.filter((a) => a.skuCode === selling)).toEqual([]);
  });

  it('lists quarter-end clearance candidates: slow-moving stock first, then the rest of the C class', async () => {
    const [slow] = await createSkus(gateway);
    await receiveStock(gateway, slow, 'CENTRAL', 20);
    await stockedDaysAgo(slow, 'CENTRAL', 90);
    type Row = { skuCode: string; locationCode: string; onHand: number; daysSinceLastSale: number | null; abcClass: string | null };
    const { slowMovingStock, clearanceCandidates } = await gateway.data<{ slowMovingStock: Row[]; clearanceCandidates: Row[] }>(
      `{ slowMovingStock { skuCode locationCode } clearanceCandidates { skuCode locationCode onHand daysSinceLastSale abcClass } }`,
      {},
      analyst,
    );
    expect(clearanceCandidates.find((r) => r.skuCode === slow)).toMatchObject({ locationCode: 'CENTRAL', onHand: 20, daysSinceLastSale: 90 });
    const isSlow = new Set(slowMovingStock.map((r) => `${r.skuCode}@${r.locationCode}`));
    const firstNotSlow = clearanceCandidates.findIndex((r) => !isSlow.has(`${r.skuCode}@${r.locationCode}`));
    const rest = firstNotSlow < 0 ? [] : clearanceCandidates.slice(firstNotSlow);
    expect(rest.every((r) => r.abcClass === 'C' && !isSlow.has(`${r.skuCode}@${r.locationCode}`))).toBe(true);
  });

  it('suggests sharing slow stock with the location that sells the SKU, and the transfer can be requested as suggested', async () => {
    const [sku] = await createSkus(gateway);
    await receiveStock(gateway, sku, 'GZ-FRONT', 50);
    await stockedDaysAgo(sku, 'GZ-FRONT', 90);
    await receiveStock(gateway, sku, 'SH-FRONT', 40);
    await sell(sku, 30, '310000');
    type Move = { skuCode: string; fromLocation: string; toLocation: string; quantity: number; targetDailyDemand: number; targetAvailable: number };
    const { slowStockTransferSuggestions } = await gateway.data<{ slowStockTransferSuggestions: Move[] }>(
      `{ slowStockTransferSuggestions { skuCode fromLocation toLocation quantity targetDailyDemand targetAvailable } }`,
      {},
      analyst,
    );
    // Shanghai sells 1 a day and has 10 left: topped up to 30 days from Guangzhou's unsold 50.
    expect(slowStockTransferSuggestions.filter((m) => m.skuCode === sku)).toEqual([
      { skuCode: sku, fromLocation: 'GZ-FRONT', toLocation: 'SH-FRONT', quantity: 20, targetDailyDemand: 1, targetAvailable: 10 },
    ]);
    const requested = await gateway.data<{ requestTransfer: { __typename: string; quantity?: number; status?: string } }>(
      `mutation($i: RequestTransferInput!) { requestTransfer(input: $i) { __typename ... on StockTransfer { quantity status } } }`,
      { i: { skuCode: sku, fromLocation: 'GZ-FRONT', toLocation: 'SH-FRONT', quantity: 20, reason: 'slow stock shared' } },
      operator,
    );
    expect(requested.requestTransfer).toMatchObject({ __typename: 'StockTransfer', quantity: 20 });
  });
});
