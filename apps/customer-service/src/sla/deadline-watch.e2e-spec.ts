import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, scheduleRanSince, sendWebhook, testPool, useOwnSuite } from '@shopops/testing';
import type { Pool } from 'pg';

const CONTACT_HOURS = 2;
const AFTER_SALES_HOURS = 1;
const HOUR = 3_600_000;

/**
 * Runs its own suite with a 2-hour contact deadline, 1-hour after-sales target and the deadline
 * watch swept every second: contact deadlines run from each review, and a missed one — or an
 * after-sales case past its due time — is flagged once, with an alert event.
 */
describe('deadline watch', () => {
  const suite = useOwnSuite('deadline-watch', {
    services: ['catalog', 'customer-service', 'gateway'],
    env: {
      CS_REVIEW_CONTACT_HOURS: String(CONTACT_HOURS),
      CS_AFTER_SALES_HOURS: String(AFTER_SALES_HOURS),
      SCHEDULE_CUSTOMER_SERVICE_DEADLINE_WATCH: '* * * * * *',
    },
  });
  const agent = { role: 'cs_agent' as const };
  let gateway: GatewayClient;
  let db: Pool;
  beforeAll(() => {
    gateway = new GatewayClient(suite().gatewayUrl);
    db = testPool({ url: suite().databaseUrl });
  });
  afterAll(() => db.end());

  it('dates each contact task from its review, flags the missed ones once, and fills in the crisis statements', async () => {
    const [sku] = await createSkus(gateway, 1, 59900, 'DW');
    const product = sku.replace(/-1$/, '');
    await eventually(
      async () => (await db.query(`SELECT 1 FROM customer_service.sku_product WHERE sku_code = $1`, [sku])).rowCount,
      (n) => n === 1,
      { what: 'customer service to learn the SKU' },
    );
    // Six complaints written three hours ago (past the 2-hour contact deadline), one just now.
    const writtenAt = (i: number) => (i <= 6 ? new Date(Date.now() - 3 * HOUR + i * 60_000) : new Date());
    const review = (i: number) =>
      sendWebhook(gateway.baseUrl, 'taobao', {
        type: 'review.created',
        data: {
          reviewId: `DW-${sku}-${i}`,
          orderId: `TB-DW-${sku}-${i}`,
          skuCode: sku,
          buyer: { platformUserId: `tb_dw_${sku}_${i}` },
          rating: 1,
          text: `质量太差，起球严重 (${i})`,
          images: [],
          createdAt: writtenAt(i).toISOString(),
        },
      });
    const reviewedAt = new Map<string, Date>();
    for (let i = 1; i <= 7; i++) {
      reviewedAt.set(`DW-${sku}-${i}`, writtenAt(i));
      expect((await review(i)).status).toBe(202);
    }
    type Incident = {
      id: string;
      scopeKey: string;
      statements: Array<{ audience: string; text: string }>;
      contactTasks: Array<{ id: string; reviewId: string; dueAt: string; overdueAt: string | null }>;
    };
    const incidentOf = async () =>
      (
        await gateway.data<{ reviewIncidents: Incident[] }>(
          `{ reviewIncidents(status: "OPEN") { id scopeKey statements { audience text } contactTasks { id reviewId dueAt overdueAt } } }`,
          {},
          agent,
        )
      ).reviewIncidents.find((x) => x.scopeKey === product);
    const incident = await eventually(incidentOf, (x) => x?.contactTasks.length === 7, { what: 'the incident with seven contact tasks' });

    // Due CS_REVIEW_CONTACT_HOURS after each review, not after the spike that noticed it.
    for (const task of incident!.contactTasks) {
      // Within a millisecond: PostgreSQL keeps microseconds, JavaScript dates milliseconds.
      expect(Math.abs(new Date(task.dueAt).getTime() - (reviewedAt.get(task.reviewId)!.getTime() + CONTACT_HOURS * HOUR))).toBeLessThanOrEqual(1);
    }

    // The watch flags the six missed deadlines; the fresh review's task is not due yet.
    const since = Date.now();
    await scheduleRanSince('customer-service', 'customer-service.deadline-watch', since);
    const flagged = (await incidentOf())!.contactTasks;
    expect(
      flagged
        .filter((t) => t.overdueAt)
        .map((t) => t.reviewId)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5, 6].map((i) => `DW-${sku}-${i}`).sort());
    expect(flagged.find((t) => t.reviewId === `DW-${sku}-7`)!.overdueAt).toBeNull();
    // Later sweeps flag nothing twice: one alert per missed task.
    const again = Date.now();
    await scheduleRanSince('customer-service', 'customer-service.deadline-watch', again);
    const alerts = await db.query<{ task: string }>(
      `SELECT payload->>'taskId' AS task FROM customer_service.outbox WHERE type = 'customer-service.contact-task.overdue.v1' AND payload->>'incidentId' = $1`,
      [incident!.id],
    );
    expect(alerts.rows.map((r) => r.task).sort()).toEqual(
      flagged
        .filter((t) => t.overdueAt)
        .map((t) => t.id)
        .sort(),
    );

    // The playbook's statements name the product, the count, the complaint and the contact promise.
    expect(incident!.statements.map((s) => s.audience)).toEqual(['buyers', 'platform', 'internal']);
    const buyers = incident!.statements[0].text;
    expect(buyers).toContain(`商品 ${product}`);
    expect(buyers).toContain('6 位顾客');
    expect(buyers).toContain('质量问题');
    expect(buyers).toContain(`${CONTACT_HOURS} 小时内`);
  }, 120_000);

  it('flags an after-sales case still open past its due time, once, with an alert', async () => {
    const sku = `DW-AS-${randomUUID().slice(0, 6)}`;
    const orderId = `TB-DW-${randomUUID().slice(0, 8)}`;
    const data = orderData(orderId, {
      lines: [{ skuCode: sku, quantity: 1, unitPriceFen: 30000 }],
      totalFen: 30000,
      shipment: { carrier: 'SF', trackingNo: `SF${orderId}`, locationCode: 'CENTRAL' },
    });
    // A return is for goods that left: the order is paid, then shipped.
    for (const type of ['order.paid', 'order.shipped']) expect((await sendWebhook(gateway.baseUrl, 'taobao', { type, data })).status).toBe(202);
    await eventually(
      async () => (await db.query(`SELECT status FROM customer_service.customer_order WHERE order_id = $1`, [orderId])).rows[0]?.status as string | undefined,
      (status) => status === 'SHIPPED',
      { what: 'customer service to learn the order shipped' },
    );
    const opened = await gateway.data<{ openAfterSalesCase: { id: string; dueAt: string } }>(
      `mutation($i: OpenCaseInput!) { openAfterSalesCase(input: $i) { ... on AfterSalesCase { id dueAt } } }`,
      { i: { channel: 'taobao', orderId, kind: 'RETURN', skuCode: sku, quantity: 1, amountFen: 30000, reason: '尺码偏大', reasonCategory: 'SIZE' } },
      agent,
    );
    const { id, dueAt } = opened.openAfterSalesCase;
    // CS_AFTER_SALES_HOURS sets the target.
    expect(Math.abs(new Date(dueAt).getTime() - (Date.now() + AFTER_SALES_HOURS * HOUR))).toBeLessThan(60_000);
    const since = Date.now();
    await scheduleRanSince('customer-service', 'customer-service.deadline-watch', since);
    const before = await db.query(`SELECT overdue_at FROM customer_service.after_sales_case WHERE id = $1`, [id]);
    expect(before.rows[0].overdue_at).toBeNull();

    // An hour on: the case is still open past its due time.
    await db.query(`UPDATE customer_service.after_sales_case SET due_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    const overdueAt = await eventually(
      async () => (await db.query(`SELECT overdue_at FROM customer_service.after_sales_case WHERE id = $1`, [id])).rows[0].overdue_at,
      (at) => at !== null,
      { what: 'the watch to flag the case' },
    );
    expect(overdueAt).toBeInstanceOf(Date);
    const after = Date.now();
    await scheduleRanSince('customer-service', 'customer-service.deadline-watch', after);
    const alerts = await db.query(
      `SELECT payload FROM customer_service.outbox WHERE type = 'customer-service.after-sales.overdue.v1' AND payload->>'caseId' = $1`,
      [id],
    );
    expect(alerts.rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ caseId: id, channel: 'taobao', orderId, kind: 'RETURN', status: 'REQUESTED' }),
    ]);
  }, 120_000);
});
