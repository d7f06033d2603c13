import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, sendWebhook, supplierWithCleanRecord, testPool, webhookHandled } from '@shopops/testing';

/** Quality tracing into supplier grading: every complaint on an open issue reaches inventory, once. */
describe('quality tracing', () => {
  const gateway = new GatewayClient();
  const operator = { role: 'operator' as const };
  const db = testPool();
  afterAll(() => db.end());

  it('counts complaints after the issue opened against the supplier too, and a replayed complaint once', async () => {
    const [sku] = await createSkus(gateway, 1, 39900, 'QT');
    const supplier = await supplierWithCleanRecord(gateway, sku, { name: '嘉兴针织厂', unitCostFen: 15000 });
    const passRate = async () =>
      (
        await gateway.data<{ suppliers: Array<{ code: string; qualityPassRate: number }> }>(`{ suppliers { code qualityPassRate } }`, {}, operator)
      ).suppliers.find((s) => s.code === supplier)!.qualityPassRate;
    const review = (i: number, id?: string) =>
      sendWebhook(
        gateway.baseUrl,
        'taobao',
        {
          type: 'review.created',
          data: {
            reviewId: `QT-${sku}-${i}`,
            orderId: `TB-QT-${sku}-${i}`,
            skuCode: sku,
            buyer: { platformUserId: `tb_qt_${sku}_${i}` },
            rating: 1,
            text: `质量太差，穿一次就开线 (${i})`,
            images: [],
            createdAt: new Date().toISOString(),
          },
        },
        id ? { id } : {},
      );

    // Three complaints open the issue (CS_QUALITY_ISSUE_THRESHOLD): 3 of 100 units.
    for (let i = 1; i <= 3; i++) expect((await review(i)).status).toBe(202);
    expect(await eventually(passRate, (r) => r === 0.97, { what: 'the opened issue to regrade the supplier' })).toBe(0.97);
    // Two more complaints on the open issue count as well.
    for (let i = 4; i <= 5; i++) expect((await review(i)).status).toBe(202);
    expect(await eventually(passRate, (r) => r === 0.95, { what: 'later complaints to reach the supplier grade' })).toBe(0.95);

    // The marketplace sends review 5 again under a new delivery id: one complaint, one count.
    const replayId = `msg_${randomUUID()}`;
    expect((await review(5, replayId)).status).toBe(202);
    await webhookHandled('customer-service', replayId);
    const issues = await gateway.data<{ qualityIssues: Array<{ occurrences: number; status: string }> }>(
      `query($s: String) { qualityIssues(skuCode: $s) { occurrences status } }`,
      { s: sku },
      operator,
    );
    expect(issues.qualityIssues).toEqual([{ occurrences: 5, status: 'OPEN' }]);
    const sent = await db.query<{ type: string; occurrences: number }>(
      `SELECT type, (payload->>'occurrences')::int AS occurrences FROM customer_service.outbox WHERE payload->>'skuCode' = $1 AND type LIKE 'customer-service.quality-issue.%' ORDER BY id`,
      [sku],
    );
    expect(sent.rows).toEqual([
      { type: 'customer-service.quality-issue.opened.v1', occurrences: 3 },
      { type: 'customer-service.quality-issue.recurred.v1', occurrences: 4 },
      { type: 'customer-service.quality-issue.recurred.v1', occurrences: 5 },
    ]);
    expect(await passRate()).toBe(0.95);
  }, 120_000);
});
