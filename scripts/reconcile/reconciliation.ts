import { Pool } from 'pg';

/** What the channels told us about one order, from the gateway's stored webhook deliveries. */
export interface OrderFacts {
  readonly channel: string;
  readonly orderId: string;
  readonly created: boolean;
  readonly paid: boolean;
  readonly shipped: boolean;
  readonly cancelled: boolean;
  readonly refunded: boolean;
}

export interface Difference {
  readonly channel: string;
  readonly orderId: string;
  /** inventory, membership or analytics */
  readonly service: string;
  readonly problem: string;
}

const MARKETPLACE_SOURCES = ['taobao', 'douyin', 'mall'];

/**
 * Cross-service checks over a recent window: every channel order has the reservation state its
 * events call for (inventory), every paid order has its points (membership) and its sale counted
 * (analytics). Reads each service's schema, writes nothing.
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
    cancelled: r.types.includes('order.cancelled'),
    refunded: r.types.includes('refund.completed'),
  }));
  if (!facts.length) return { orders: 0, differences: [] };
  const keys = [facts.map((f) => f.channel), facts.map((f) => f.orderId)];
  const [reservations, points, sales] = await Promise.all([
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
  ]);
  const key = (c: string, o: string) => `${c}\u0000${o}`;
  const reservationOf = new Map(reservations.rows.map((r) => [key(r.channel, r.order_id), r]));
  const withPoints = new Set(points.rows.map((r) => key(r.channel, r.order_id)));
  const counted = new Set(sales.rows.map((r) => key(r.channel, r.order_id)));
  const differences: Difference[] = [];
  for (const f of facts) {
    const k = key(f.channel, f.orderId);
    const reservation = reservationOf.get(k);
    // Unpaid orders may have been released by the payment window; rejected ones found no stock.
    const expected = f.shipped
      ? ['COMMITTED']
      : f.cancelled || f.refunded || !f.paid
        ? ['RELEASED', 'REJECTED', ...(f.cancelled || f.refunded ? [] : ['RESERVED'])]
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
  }
  return { orders: facts.length, differences };
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
