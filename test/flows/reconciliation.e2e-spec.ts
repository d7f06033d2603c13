import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSkus, eventually, GatewayClient, orderData, PROJECT_ROOT, receiveStock, sendWebhook, testPool } from '@shopops/testing';

/**
 * Reconciliation: `npm run ops -- reconcile` finds a paid order a service lost (here, analytics'
 * counted sale removed behind its back) and `--repair` brings it back by re-sending the order's
 * events, which every other service ignores as already applied.
 */
describe('reconciliation', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());
  const ops = async (...args: string[]) => {
    const env = {
      ...process.env,
      DATABASE_URL: process.env.SHOPOPS_TEST_DATABASE_URL,
      QUEUE_PREFIX: process.env.SHOPOPS_TEST_QUEUE_PREFIX,
      GATEWAY_URL: process.env.SHOPOPS_GATEWAY_URL,
      RECONCILE_SETTLE_SECONDS: '0',
    };
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(PROJECT_ROOT, 'dist', 'scripts', 'ops.js'), 'reconcile', '--json', '--hours', '1', ...args],
        { env },
      );
      return { exitCode: 0, report: JSON.parse(stdout) };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { exitCode: failed.code, report: JSON.parse(failed.stdout) };
    }
  };
  type Report = { differences: Array<{ channel: string; orderId: string; service: string; problem: string }>; stockDifferences: unknown[] };

  it('reports a lost sale, repairs it by re-sending the order’s events, and then finds everything consistent', async () => {
    const [sku] = await createSkus(gateway, 1, 19900, 'REC');
    await receiveStock(gateway, sku, 'CENTRAL', 10);
    const orderId = `TBREC${Date.now()}`;
    const data = orderData(orderId, {
      buyer: { platformUserId: `tb_rec_${orderId}` },
      lines: [{ skuCode: sku, quantity: 1, unitPriceFen: 19900 }],
      totalFen: 19900,
    });
    for (const type of ['order.created', 'order.paid']) expect((await sendWebhook(gateway.baseUrl, 'taobao', { type, data })).status).toBe(202);
    const mine = (r: Report) => r.differences.filter((d) => d.orderId === orderId);
    await eventually(
      async () => mine((await ops()).report as Report),
      (d) => d.length === 0,
      { what: 'the order to reach every service' },
    );

    // Analytics loses the sale.
    await db.query(`DELETE FROM analytics.order_fact WHERE channel = 'taobao' AND order_id = $1`, [orderId]);
    const broken = await ops();
    expect(broken.exitCode).toBe(1);
    expect(mine(broken.report as Report)).toEqual([{ channel: 'taobao', orderId, service: 'analytics', problem: 'paid order not counted' }]);

    const repaired = await ops('--repair');
    expect(repaired.report.repaired.resentEvents).toBeGreaterThanOrEqual(2);
    await eventually(
      async () => mine((await ops()).report as Report),
      (d) => d.length === 0,
      { what: 'the repair to land' },
    );
    // Everyone else ignored the re-sent events: one reservation, one points lot.
    const lots = await db.query(`SELECT count(*)::int AS n FROM membership.points_lot WHERE order_channel = 'taobao' AND order_id = $1`, [orderId]);
    expect(lots.rows[0].n).toBe(1);
    const reservation = await db.query(`SELECT status, paid FROM inventory.reservation WHERE channel = 'taobao' AND order_id = $1`, [orderId]);
    expect(reservation.rows[0]).toEqual({ status: 'RESERVED', paid: true });
    // Once every service has handled the re-sent events, analytics still holds one event per delivery.
    await eventually(
      async () =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM gateway.outbox WHERE request_id = 'reconcile' AND payload ->> 'orderId' = $1 AND acknowledged_at IS NULL`,
            [orderId],
          )
        ).rows[0].n,
      (n) => n === 0,
      { what: 'the re-sent events handled everywhere' },
    );
    const stored = await db.query(`SELECT type FROM analytics.channel_event WHERE channel = 'taobao' AND subject = $1 ORDER BY type`, [orderId]);
    expect(stored.rows.map((r) => r.type)).toEqual(['channel.order.created.v1', 'channel.order.paid.v1']);

    // Lost a second time, repaired a second time: each delivery is re-sent once, not once per earlier copy.
    await db.query(`DELETE FROM analytics.order_fact WHERE channel = 'taobao' AND order_id = $1`, [orderId]);
    // Other specs' orders may be mid-flight and repaired too: count only this order's copies.
    const resentCopies = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM gateway.outbox WHERE request_id = 'reconcile' AND payload ->> 'orderId' = $1`, [orderId])).rows[0].n;
    const copiesBefore = await resentCopies();
    const repairedAgain = await ops('--repair');
    expect(repairedAgain.report.repaired.resentEvents).toBeGreaterThanOrEqual(2);
    expect((await resentCopies()) - copiesBefore).toBe(2);
    await eventually(
      async () => mine((await ops()).report as Report),
      (d) => d.length === 0,
      { what: 'the second repair to land' },
    );
    const storedAgain = await db.query(`SELECT count(*)::int AS n FROM analytics.channel_event WHERE channel = 'taobao' AND subject = $1`, [orderId]);
    expect(storedAgain.rows[0].n).toBe(2);
  }, 120_000);
});
