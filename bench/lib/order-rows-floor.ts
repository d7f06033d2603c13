/**
 * The physical floor of the order flow: the durable rows one order needs (two webhook
 * deliveries, their outbox rows, the reservation and its line, the points lot and ledger entry,
 * the order fact, and an inbox row per consumer and event), written set-based in batches of 200
 * orders, one transaction per batch, into tables of the bench's database. No service, no queue:
 * what PostgreSQL alone can commit on this machine.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { round } from './load';

const BATCH = 200;

const TABLES = `
  CREATE SCHEMA IF NOT EXISTS order_floor;
  CREATE TABLE order_floor.delivery (id text PRIMARY KEY, body jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE order_floor.outbox (id bigserial PRIMARY KEY, event_id uuid NOT NULL, type text NOT NULL, payload jsonb NOT NULL);
  CREATE TABLE order_floor.reservation (order_id text PRIMARY KEY, status text NOT NULL, paid boolean NOT NULL);
  CREATE TABLE order_floor.reservation_line (order_id text NOT NULL, sku text NOT NULL, quantity int NOT NULL, PRIMARY KEY (order_id, sku));
  CREATE TABLE order_floor.points_lot (order_id text PRIMARY KEY, member text NOT NULL, points int NOT NULL);
  CREATE TABLE order_floor.points_ledger (id bigserial PRIMARY KEY, member text NOT NULL, delta int NOT NULL);
  CREATE TABLE order_floor.order_fact (order_id text PRIMARY KEY, total_fen bigint NOT NULL, paid_at timestamptz);
  CREATE TABLE order_floor.inbox (consumer text NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (consumer, event_id));`;

/** Writes `orders` orders' rows and returns orders per second. */
export async function orderRowsFloor(db: Pool, orders: number): Promise<number> {
  await db.query(TABLES);
  const client = await db.connect();
  try {
    const started = performance.now();
    for (let done = 0; done < orders; done += BATCH) {
      const ids = Array.from({ length: Math.min(BATCH, orders - done) }, (_, i) => `FLOOR-${done + i}`);
      const events = ids.flatMap(() => [randomUUID(), randomUUID()]);
      const body = JSON.stringify({ type: 'order.paid', data: { totalFen: 19900, lines: [{ skuCode: 'OF-00-M', quantity: 1 }] } });
      await client.query('BEGIN');
      await client.query(`INSERT INTO order_floor.delivery (id, body) SELECT d, $2::jsonb FROM unnest($1::text[]) AS d`, [events, body]);
      await client.query(`INSERT INTO order_floor.outbox (event_id, type, payload) SELECT e, 'order', $2::jsonb FROM unnest($1::uuid[]) AS e`, [events, body]);
      await client.query(`INSERT INTO order_floor.reservation SELECT o, 'RESERVED', true FROM unnest($1::text[]) AS o`, [ids]);
      await client.query(`INSERT INTO order_floor.reservation_line SELECT o, 'OF-00-M', 1 FROM unnest($1::text[]) AS o`, [ids]);
      await client.query(`INSERT INTO order_floor.points_lot SELECT o, 'm-' || o, 199 FROM unnest($1::text[]) AS o`, [ids]);
      await client.query(`INSERT INTO order_floor.points_ledger (member, delta) SELECT 'm-' || o, 199 FROM unnest($1::text[]) AS o`, [ids]);
      await client.query(`INSERT INTO order_floor.order_fact SELECT o, 19900, now() FROM unnest($1::text[]) AS o`, [ids]);
      // Inventory, membership and analytics each record both events in their inbox.
      await client.query(`INSERT INTO order_floor.inbox SELECT c, e FROM unnest($1::uuid[]) AS e, unnest(ARRAY['inventory', 'membership', 'analytics']) AS c`, [
        events,
      ]);
      await client.query('COMMIT');
    }
    return round(orders / ((performance.now() - started) / 1000), 1);
  } finally {
    client.release();
    await db.query('DROP SCHEMA order_floor CASCADE');
  }
}
