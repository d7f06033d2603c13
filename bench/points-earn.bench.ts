/**
 * Paid-order events turned into points per second by membership (member lookup or creation,
 * inbox de-duplication, a pending lot, the ledger entry, totals and the outbox event). Events
 * enter through the gateway's outbox, as accepted webhooks would leave them.
 * - value: the relay's batches, each consumed in one transaction per EVENT_BATCH_MAX events;
 * - baseline: what a user would otherwise build at the same concurrency: one job per event
 *   (OUTBOX_BATCH_SIZE=1), a worker taking 16 at once, one transaction per event;
 * - limit: the rows that work leaves (lot, ledger entry, member totals, inbox and outbox rows)
 *   written set-based by PostgreSQL alone, 500 events per transaction.
 * p50/p99: from the events entering the outbox to membership's inbox recording them handled.
 */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { outboxChannel } from '@shopops/platform';
import { orderData, SuiteStack } from '@shopops/testing';
import { startDatabaseCpuSpan } from './lib/cpu';
import { percentile, round } from './lib/load';
import { cpuPerUnit, progress, type Benchmark } from './lib/report';

const EVENTS = 4000;
const BUYERS = 800;
const BASELINE_CONCURRENCY = 16;

interface Side {
  readonly perSecond: number;
  readonly seconds: number;
  readonly cpuMsPerEvent: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

async function measure(stack: SuiteStack, label: string): Promise<Side> {
  const db = stack.db();
  const run = randomUUID().slice(0, 6);
  const payloads = Array.from({ length: EVENTS }, (_, i) => {
    const orderId = `PE-${run}-${i}`;
    const data = orderData(orderId, {
      buyer: { platformUserId: `pe_${run}_${i % BUYERS}` },
      totalFen: 10000 + (i % 50) * 100,
      lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: 10000 + (i % 50) * 100 }],
    });
    return { ...data, channel: 'taobao', occurredAt: new Date().toISOString(), deliveryId: `bench-${run}-${i}` };
  });
  progress(`${label}: ${EVENTS} paid orders from ${BUYERS} buyers`);
  const cpu = await startDatabaseCpuSpan(db, stack.database);
  const started = performance.now();
  const entered = Date.now();
  await db.query(
    `INSERT INTO gateway.outbox (event_id, type, payload, occurred_at) SELECT gen_random_uuid(), 'channel.order.paid.v1', p, now() FROM jsonb_array_elements($1::jsonb) AS p`,
    [JSON.stringify(payloads)],
  );
  await db.query(`SELECT pg_notify($1, '')`, [outboxChannel('gateway')]);
  const deadline = Date.now() + 600_000;
  let done = 0;
  while (done < EVENTS && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    done = Number((await db.query(`SELECT count(*) AS n FROM membership.points_lot WHERE order_id LIKE $1`, [`PE-${run}-%`])).rows[0].n);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = await cpu.stop();
  if (done < EVENTS) throw new Error(`${label}: only ${done} of ${EVENTS} orders earned points`);
  // Handled when the last of membership's handlers recorded the event in its inbox.
  const { rows } = await db.query<{ ms: number }>(
    `SELECT extract(epoch FROM max(i.processed_at)) * 1000 - $2::float8 AS ms
       FROM gateway.outbox o JOIN membership.inbox i ON i.event_id = o.event_id
      WHERE o.payload->>'orderId' LIKE $1 GROUP BY o.event_id ORDER BY 1`,
    [`PE-${run}-%`, entered],
  );
  const latencies = rows.map((r) => Math.max(0, r.ms));
  return {
    perSecond: round(EVENTS / seconds, 1),
    seconds: round(seconds, 2),
    cpuMsPerEvent: cpuPerUnit(cpuMs, EVENTS),
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
  };
}

/** The same rows written set-based, 500 events per transaction, in a scratch schema of the bench's database. */
async function floor(db: Pool): Promise<number> {
  await db.query(`
    CREATE SCHEMA points_floor;
    CREATE TABLE points_floor.member (id text PRIMARY KEY, pending int NOT NULL DEFAULT 0);
    CREATE TABLE points_floor.lot (id uuid PRIMARY KEY, member_id text NOT NULL, source_key text NOT NULL UNIQUE, points int NOT NULL, earned_at timestamptz NOT NULL DEFAULT now());
    CREATE INDEX ON points_floor.lot (member_id, earned_at);
    CREATE TABLE points_floor.operation (key text PRIMARY KEY, member_id text NOT NULL, points int NOT NULL);
    CREATE TABLE points_floor.inbox (consumer text NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (consumer, event_id));
    CREATE TABLE points_floor.outbox (id bigserial PRIMARY KEY, event_id uuid NOT NULL, payload jsonb NOT NULL);`);
  const client = await db.connect();
  try {
    const started = performance.now();
    for (let done = 0; done < EVENTS; done += 500) {
      const keys = Array.from({ length: 500 }, (_, i) => `floor-${done + i}`);
      const members = keys.map((_, i) => `m-${(done + i) % BUYERS}`);
      const events = keys.map(() => randomUUID());
      await client.query('BEGIN');
      await client.query(`INSERT INTO points_floor.inbox SELECT 'points', e FROM unnest($1::uuid[]) AS e`, [events]);
      await client.query(
        `INSERT INTO points_floor.member (id, pending) SELECT m, count(*) * 100 FROM unnest($1::text[]) AS m GROUP BY m
         ON CONFLICT (id) DO UPDATE SET pending = points_floor.member.pending + excluded.pending`,
        [members],
      );
      await client.query(
        `INSERT INTO points_floor.lot (id, member_id, source_key, points) SELECT gen_random_uuid(), m, k, 100 FROM unnest($1::text[], $2::text[]) AS x(k, m)`,
        [keys, members],
      );
      await client.query(`INSERT INTO points_floor.operation SELECT k, m, 100 FROM unnest($1::text[], $2::text[]) AS x(k, m)`, [keys, members]);
      await client.query(`INSERT INTO points_floor.outbox (event_id, payload) SELECT e, '{"points":100}' FROM unnest($1::uuid[]) AS e`, [events]);
      await client.query('COMMIT');
    }
    return round(EVENTS / ((performance.now() - started) / 1000), 1);
  } finally {
    client.release();
    await db.query('DROP SCHEMA points_floor CASCADE');
  }
}

export const run: Benchmark = async () => {
  progress('starting gateway and membership');
  const stack = await SuiteStack.start({ name: 'bench-points-earn', services: ['gateway', 'membership'], env: { LOG_LEVEL: 'warn' } });
  try {
    const batched = await measure(stack, 'relayed batches');
    await Promise.all([stack.stopProcess('gateway'), stack.stopProcess('membership')]);
    await stack.startProcess('membership', { env: { EVENT_BATCH_MAX: '1', WORKER_CONCURRENCY: String(BASELINE_CONCURRENCY) } });
    await stack.startProcess('gateway', { env: { OUTBOX_BATCH_SIZE: '1' } });
    const single = await measure(stack, `one job and one transaction per event, ${BASELINE_CONCURRENCY} at once`);
    progress('the floor: the same rows written set-based');
    const limit = await floor(stack.db());
    return {
      bench: 'points-earn',
      metric: 'paid_orders_per_second',
      value: batched.perSecond,
      baseline: single.perSecond,
      limit,
      cpu_ms_per_unit: batched.cpuMsPerEvent,
      p50_ms: batched.p50Ms,
      p99_ms: batched.p99Ms,
      baseline_cpu_ms_per_unit: single.cpuMsPerEvent,
      baseline_p50_ms: single.p50Ms,
      baseline_p99_ms: single.p99Ms,
      baseline_concurrency: BASELINE_CONCURRENCY,
      events: EVENTS,
      buyers: BUYERS,
      seconds: batched.seconds,
      baseline_seconds: single.seconds,
    };
  } finally {
    await stack.stop();
  }
};
