import { Pool } from 'pg';

/** What the channels told us about one order, from the gateway's stored webhook deliveries. */
export interface OrderFacts {
  readonly channel: string;
  readonly orderId: string;
  readonly created: boolean;
  readonly paid: boolean;
  readonly shipped: boolean;
  readonly completed: boolean;
  readonly cancelled: boolean;
  readonly refunded: boolean;
}

export interface Difference {
  readonly channel: string;
  readonly orderId: string;
  /** inventory, membership, customer-service or analytics */
  readonly service: string;
  readonly problem: string;
}

const MARKETPLACE_SOURCES = ['taobao', 'douyin', 'mall'];

/**
 * Cross-service checks over a recent window: every channel order has the reservation state its
 * events call for (inventory), every paid order has its points (membership), its sale and any
 * refund counted (analytics), and customer service holds the status the channel last reached.
 * Reads each service's schema, writes nothing.
 */
export async function findDifferences(db: Pool, hours: number, settleSeconds = 60): Promise<{ orders: number; differences: Difference[] }> {
  // Deliveries younger than `settleSeconds` may still be on their way: they are checked next time.
  const { rows } = await db.query<{ channel: string; order_id: string; types: string[] }>(
    `SELECT source AS channel, (body::jsonb -> 'data' ->> 'orderId') AS order_id, array_agg(DISTINCT type) AS types
       FROM gateway.webhook_delivery
      WHERE source = ANY ($1) AND received_at > now() - $2 * interval '1 hour' AND received_at < now() - $3 * interval '1 second'
        AND (type LIKE 'order.%' OR type = 'refund.completed')
      GROUP BY 1, 2`,
    [MARKETPLACE_SOURCES, hours, settleSeconds],
  );
  const facts: OrderFacts[] = rows.map((r) => ({
    channel: r.channel,
    orderId: r.order_id,
    created: r.types.includes('order.created'),
    paid: r.types.includes('order.paid'),
    shipped: r.types.includes('order.shipped'),
    completed: r.types.includes('order.completed'),
    cancelled: r.types.includes('order.cancelled'),
    refunded: r.types.includes('refund.completed'),
  }));
  if (!facts.length) return { orders: 0, differences: [] };
  const keys = [facts.map((f) => f.channel), facts.map((f) => f.orderId)];
  const [reservations, points, sales, serviceOrders, refundsCounted, serviceRefunds] = await Promise.all([
    db.query<{ channel: string; order_id: string; status: string; paid: boolean }>(
      `SELECT r.channel, r.order_id, r.status, r.paid FROM inventory.reservation r JOIN unnest($1::text[], $2::text[]) AS k(c, o) ON r.channel = k.c AND r.order_id = k.o`,
      keys,
    ),
    db.query<{ channel: string; order_id: string }>(
      `SELECT DISTINCT l.order_channel AS channel, l.order_id FROM membership.points_lot l JOIN unnest($1::text[], $2::text[]) AS k(c, o) ON l.order_channel = k.c AND l.order_id = k.o`,
      keys,
    ),
    db.query<{ channel: string; order_id: string }>(
      `SELECT f.channel, f.order_id FROM analytics.order_fact f JOIN unnest($1::text[], $2::text[]) AS k(c, o) ON f.channel = k.c AND f.order_id = k.o`,
      keys,
    ),
    db.query<{ channel: string; order_id: string; status: string }>(
      `SELECT o.channel, o.order_id, o.status FROM customer_service.customer_order o JOIN unnest($1::text[], $2::text[]) AS k(c, id) ON o.channel = k.c AND o.order_id = k.id`,
      keys,
    ),
    db.query<{ channel: string; order_id: string }>(
      `SELECT DISTINCT f.channel, f.order_id FROM analytics.counted_fact f JOIN unnest($1::text[], $2::text[]) AS k(c, o) ON f.channel = k.c AND f.order_id = k.o
        WHERE f.kind = 'refund'`,
      keys,
    ),
    // Refunds customer service issued itself (after-sales cases, dispute rulings) are refunds to inventory too.
    db.query<{ channel: string; order_id: string }>(
      `SELECT c.channel, c.order_id FROM customer_service.after_sales_case c JOIN unnest($1::text[], $2::text[]) AS k(ch, o) ON c.channel = k.ch AND c.order_id = k.o
        WHERE c.refunded_fen > 0
       UNION
       SELECT d.channel, d.order_id FROM customer_service.dispute d JOIN unnest($1::text[], $2::text[]) AS k(ch, o) ON d.channel = k.ch AND d.order_id = k.o
        WHERE d.refund_fen > 0`,
      keys,
    ),
  ]);
  const key = (c: string, o: string) => `${c}\u0000${o}`;
  const reservationOf = new Map(reservations.rows.map((r) => [key(r.channel, r.order_id), r]));
  const withPoints = new Set(points.rows.map((r) => key(r.channel, r.order_id)));
  const counted = new Set(sales.rows.map((r) => key(r.channel, r.order_id)));
  const serviceStatusOf = new Map(serviceOrders.rows.map((r) => [key(r.channel, r.order_id), r.status]));
  const withRefundCounted = new Set(refundsCounted.rows.map((r) => key(r.channel, r.order_id)));
  const refundedByService = new Set(serviceRefunds.rows.map((r) => key(r.channel, r.order_id)));
  const differences: Difference[] = [];
  for (const f of facts) {
    const k = key(f.channel, f.orderId);
    const reservation = reservationOf.get(k);
    const refunded = f.refunded || refundedByService.has(k);
    // Unpaid orders may have been released by the payment window; rejected ones found no stock.
    const expected = f.shipped
      ? ['COMMITTED']
      : f.cancelled || refunded || !f.paid
        ? ['RELEASED', 'REJECTED', ...(f.cancelled || refunded ? [] : ['RESERVED'])]
        : ['RESERVED', 'REJECTED'];
    if (!reservation) differences.push({ channel: f.channel, orderId: f.orderId, service: 'inventory', problem: 'no reservation' });
    else if (!expected.includes(reservation.status))
      differences.push({
        channel: f.channel,
        orderId: f.orderId,
        service: 'inventory',
        problem: `reservation ${reservation.status}, expected ${expected.join(' or ')}`,
      });
    else if (f.paid && !f.cancelled && reservation.status === 'RESERVED' && !reservation.paid)
      differences.push({ channel: f.channel, orderId: f.orderId, service: 'inventory', problem: 'reservation not marked paid' });
    if (f.paid && !withPoints.has(k)) differences.push({ channel: f.channel, orderId: f.orderId, service: 'membership', problem: 'paid order without points' });
    if (f.paid && !counted.has(k)) differences.push({ channel: f.channel, orderId: f.orderId, service: 'analytics', problem: 'paid order not counted' });
    if (f.refunded && !withRefundCounted.has(k))
      differences.push({ channel: f.channel, orderId: f.orderId, service: 'analytics', problem: 'refund not counted' });
    // Customer service decides refunds, returns and disputes on the order's status: the furthest the channel reported (shipping beats a cancellation).
    const serviceStatus = serviceStatusOf.get(k);
    const expectedStatus = f.completed ? 'COMPLETED' : f.shipped ? 'SHIPPED' : f.cancelled ? 'CANCELLED' : f.paid ? 'PAID' : 'CREATED';
    if (serviceStatus === undefined) differences.push({ channel: f.channel, orderId: f.orderId, service: 'customer-service', problem: 'no order record' });
    else if (serviceStatus !== expectedStatus)
      differences.push({ channel: f.channel, orderId: f.orderId, service: 'customer-service', problem: `order ${serviceStatus}, expected ${expectedStatus}` });
  }
  return { orders: facts.length, differences };
}

/**
 * After-sales checks over the cases and disputes that changed in the window: goods received back
 * on an order whose stock never shipped (and units such a return put back in stock), and refunds
 * customer service issued that analytics never counted.
 */
export async function findAfterSalesDifferences(db: Pool, hours: number, settleSeconds = 60): Promise<Difference[]> {
  const window = [hours, settleSeconds];
  const recent = (column: string) => `${column} > now() - $1 * interval '1 hour' AND ${column} < now() - $2 * interval '1 second'`;
  const [returns, restocked, refunds] = await Promise.all([
    db.query<{ channel: string; order_id: string; case_id: string; status: string | null }>(
      `SELECT c.channel, c.order_id, c.id AS case_id, r.status
         FROM customer_service.after_sales_case c LEFT JOIN inventory.reservation r ON r.channel = c.channel AND r.order_id = c.order_id
        WHERE c.kind IN ('RETURN', 'EXCHANGE') AND ${recent('c.updated_at')}
          AND EXISTS (SELECT 1 FROM customer_service.case_transition t WHERE t.case_id = c.id AND t.to_status = 'RECEIVED')
          AND r.status IS DISTINCT FROM 'COMMITTED'`,
      window,
    ),
    db.query<{ channel: string; order_id: string; quantity: number; status: string | null }>(
      `SELECT c.channel, c.order_id, m.on_hand_delta AS quantity, r.status
         FROM inventory.stock_movement m
         JOIN customer_service.after_sales_case c ON m.reference = 'return:' || c.channel || ':' || c.order_id || ':' || c.id
         LEFT JOIN inventory.reservation r ON r.channel = c.channel AND r.order_id = c.order_id
        WHERE m.kind = 'RETURN' AND ${recent('m.created_at')}
          AND r.status IS DISTINCT FROM 'COMMITTED'`,
      window,
    ),
    db.query<{ channel: string; order_id: string; ref: string }>(
      `SELECT s.channel, s.order_id, s.ref FROM (
          SELECT channel, order_id, 'case:' || id AS ref FROM customer_service.after_sales_case WHERE refunded_fen > 0 AND ${recent('updated_at')}
          UNION ALL
          SELECT channel, order_id, 'dispute:' || id FROM customer_service.dispute WHERE refund_fen > 0 AND ${recent('decided_at')}) s
        WHERE NOT EXISTS (SELECT 1 FROM analytics.counted_fact f WHERE f.kind = 'refund' AND f.channel = s.channel AND f.ref = s.ref)`,
      window,
    ),
  ]);
  return [
    ...returns.rows.map((r) => ({
      channel: r.channel,
      orderId: r.order_id,
      service: 'customer-service',
      problem: `return received on case ${r.case_id}, but the order never shipped (reservation ${r.status ?? 'missing'})`,
    })),
    ...restocked.rows.map((r) => ({
      channel: r.channel,
      orderId: r.order_id,
      service: 'inventory',
      problem: `${r.quantity} returned unit(s) put back in stock, but the order never shipped (reservation ${r.status ?? 'missing'})`,
    })),
    ...refunds.rows.map((r) => ({ channel: r.channel, orderId: r.order_id, service: 'analytics', problem: `refund ${r.ref} not counted` })),
  ];
}

/**
 * Repairs by re-sending the channel events the gateway emitted for the orders concerned (from
 * its outbox, as new events, one per webhook delivery however often it was re-sent before):
 * every consumer is idempotent by business key, so the services that already applied them
 * change nothing and the ones that missed them catch up.
 */
export async function resendOrderEvents(db: Pool, orders: ReadonlyArray<{ channel: string; orderId: string }>): Promise<number> {
  if (!orders.length) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO gateway.outbox (event_id, type, payload, request_id, occurred_at)
     SELECT gen_random_uuid(), sent.type, sent.payload, 'reconcile', now()
       FROM (SELECT DISTINCT ON (o.payload ->> 'deliveryId') o.id, o.type, o.payload
               FROM gateway.outbox o JOIN unnest($1::text[], $2::text[]) AS k(c, id) ON o.payload ->> 'channel' = k.c AND o.payload ->> 'orderId' = k.id
              WHERE o.type LIKE 'channel.order.%' OR o.type = 'channel.refund.completed.v1'
              ORDER BY o.payload ->> 'deliveryId', o.id) AS sent
      ORDER BY sent.id`,
    [orders.map((o) => o.channel), orders.map((o) => o.orderId)],
  );
  await db.query(`SELECT pg_notify('outbox_gateway', '')`);
  return rowCount ?? 0;
}
