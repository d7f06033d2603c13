/**
 * Paid-order events turned into points per second by membership (member lookup or creation,
 * inbox de-duplication, a pending lot, the ledger entry, totals and the outbox event), with the
 * consumer's group commit (up to EVENT_BATCH_MAX deliveries per transaction) against the same
 * work one event per transaction (EVENT_BATCH_MAX=1). Events enter through the gateway's outbox,
 * as accepted webhooks would leave them.
 */
import { randomUUID } from 'node:crypto';
import { outboxChannel } from '@shopops/platform';
import { orderData, SuiteStack } from '@shopops/testing';
import { round } from './lib/load';
import { progress, type Benchmark } from './lib/report';

const EVENTS = 4000;
const BUYERS = 800;

async function measure(stack: SuiteStack, label: string): Promise<{ perSecond: number; seconds: number }> {
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
  const before = Number((await db.query(`SELECT count(*) AS n FROM membership.points_lot`)).rows[0].n);
  progress(`${label}: ${EVENTS} paid orders from ${BUYERS} buyers`);
  const started = performance.now();
  await db.query(
    `INSERT INTO gateway.outbox (event_id, type, payload, occurred_at) SELECT gen_random_uuid(), 'channel.order.paid.v1', p, now() FROM jsonb_array_elements($1::jsonb) AS p`,
    [JSON.stringify(payloads)],
  );
  await db.query(`SELECT pg_notify($1, '')`, [outboxChannel('gateway')]);
  const deadline = Date.now() + 600_000;
  let done = 0;
  while (done < EVENTS && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    done = Number((await db.query(`SELECT count(*) AS n FROM membership.points_lot`)).rows[0].n) - before;
  }
  const seconds = (performance.now() - started) / 1000;
  if (done < EVENTS) throw new Error(`${label}: only ${done} of ${EVENTS} orders earned points`);
  return { perSecond: round(EVENTS / seconds, 1), seconds: round(seconds, 2) };
}

export const run: Benchmark = async () => {
  progress('starting gateway and membership');
  const stack = await SuiteStack.start({ name: 'bench-points-earn', services: ['gateway', 'membership'], env: { LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '50' } });
  try {
    const batched = await measure(stack, 'group commit');
    await stack.stopProcess('membership');
    await stack.startProcess('membership', { env: { EVENT_BATCH_MAX: '1' } });
    const single = await measure(stack, 'one event per transaction');
    return {
      bench: 'points-earn',
      metric: 'paid_orders_per_second',
      value: batched.perSecond,
      baseline: single.perSecond,
      events: EVENTS,
      buyers: BUYERS,
      seconds: batched.seconds,
      baseline_seconds: single.seconds,
    };
  } finally {
    await stack.stop();
  }
};
