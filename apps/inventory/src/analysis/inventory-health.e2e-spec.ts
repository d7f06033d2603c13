import { randomUUID } from 'node:crypto';
import { createSkus, GatewayClient, receiveStock } from '@shopops/testing';

describe('inventory health reports', () => {
  const gateway = new GatewayClient();

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
});
