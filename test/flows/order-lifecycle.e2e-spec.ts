import { randomUUID } from 'node:crypto';
import { createSkus, eventually, GatewayClient, orderData, receiveStock, sendWebhook, stockOf, testPool } from '@shopops/testing';

/**
 * The order lifecycle across inventory, membership and analytics, driven only by signed
 * webhooks: 200 orders whose events arrive shuffled and each twice must end exactly where the
 * clean sequence would — reservations, stock, points and the counted sales.
 */
describe('order lifecycle across services', () => {
  const gateway = new GatewayClient();
  const db = testPool({ max: 2 });
  afterAll(() => db.end());

  it('ends 200 shuffled, duplicated orders in the state of the clean sequence', async () => {
    const skus = await createSkus(gateway, 5, 9900, 'FLOW');
    for (const sku of skus) await receiveStock(gateway, sku, 'CENTRAL', 100);

    const run = randomUUID().slice(0, 6);
    // 150 orders go created → paid → shipped → completed; 50 are refunded before shipping.
    const orders = Array.from({ length: 200 }, (_, i) => {
      const orderId = `TBF${run}${String(i).padStart(3, '0')}`;
      const sku = skus[i % skus.length];
      const data = orderData(orderId, {
        buyer: { platformUserId: `tb_flow_${run}_${i}`, nickname: '顾客' },
        lines: [{ skuCode: sku, quantity: 1, unitPriceFen: 9900 }],
        totalFen: 9900,
      });
      const refunded = i % 4 === 3;
      const refund = { orderId, refundId: `R${orderId}`, lines: data.lines, amountFen: 9900, reason: '不想要了' };
      const events: Array<{ type: string; data: Record<string, unknown> }> = refunded
        ? [
            { type: 'order.created', data },
            { type: 'order.paid', data },
            { type: 'refund.completed', data: refund },
          ]
        : [
            { type: 'order.created', data },
            { type: 'order.paid', data },
            { type: 'order.shipped', data: { ...data, shipment: { carrier: 'SF', trackingNo: `SF${orderId}` } } },
            { type: 'order.completed', data },
          ];
      return { orderId, sku, refunded, events };
    });

    // Every event twice, in random order, eight senders at a time. Each event keeps its own
    // occurredAt (the order of the clean sequence), as channels stamp them.
    const base = Date.now() - 60_000;
    const deliveries = orders.flatMap((o) =>
      o.events.flatMap((e, step) => [0, 1].map(() => ({ ...e, occurredAt: new Date(base + step * 1000).toISOString() }))),
    );
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
    }
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < deliveries.length) {
          const d = deliveries[next++];
          statuses.push((await sendWebhook(gateway.baseUrl, 'taobao', d)).status);
        }
      }),
    );
    expect(statuses.every((s) => s === 202 || s === 200)).toBe(true);

    const ids = orders.map((o) => o.orderId);
    // Inventory: shipped orders committed, refunded ones released; nothing left reserved.
    const reservations = await eventually(
      async () =>
        (await db.query(`SELECT order_id, status FROM inventory.reservation WHERE channel = 'taobao' AND order_id = ANY ($1)`, [ids])).rows as Array<{
          order_id: string;
          status: string;
        }>,
      (rows) => rows.length === 200 && rows.every((r) => r.status === (orders.find((o) => o.orderId === r.order_id)!.refunded ? 'RELEASED' : 'COMMITTED')),
      { what: 'every reservation to settle', timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(reservations).toHaveLength(200);
    for (const sku of skus) {
      const shipped = orders.filter((o) => o.sku === sku && !o.refunded).length;
      expect(await stockOf(gateway, sku)).toEqual({ onHand: 100 - shipped, reserved: 0, available: 100 - shipped });
    }

    // Membership: 99 points per completed order once the return window passed; refunded orders none.
    const points = await eventually(
      async () =>
        (
          await db.query(
            `SELECT i.platform_user_id AS buyer, m.points_balance AS balance, m.points_pending AS pending
             FROM membership.member_identity i JOIN membership.member m ON m.id = i.member_id
            WHERE i.platform = 'taobao' AND i.platform_user_id LIKE $1`,
            [`tb_flow_${run}_%`],
          )
        ).rows as Array<{ buyer: string; balance: number; pending: number }>,
      (rows) => rows.length === 200 && rows.every((r) => r.pending === 0 && r.balance === (orders[Number(r.buyer.split('_').pop())].refunded ? 0 : 99)),
      { what: 'points to settle', timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(points.filter((p) => p.balance === 99)).toHaveLength(150);

    // Analytics: every paid order counted once, every refund once.
    const sales = await eventually(
      async () =>
        (
          await db.query(
            `SELECT count(*)::int AS orders, sum(refunded_fen)::int AS refunded FROM analytics.order_fact WHERE channel = 'taobao' AND order_id = ANY ($1)`,
            [ids],
          )
        ).rows[0] as { orders: number; refunded: number },
      (s) => s.orders === 200 && s.refunded === 50 * 9900,
      { what: 'sales to be counted', timeoutMs: 60_000 },
    );
    expect(sales).toEqual({ orders: 200, refunded: 50 * 9900 });
  }, 300_000);
});
