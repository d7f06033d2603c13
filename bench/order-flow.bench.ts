/**
 * Orders per second from signed webhooks (order.created then order.paid) to every consumer done
 * — stock reserved and marked paid (inventory), points pending (membership), the sale counted
 * (analytics) — with p50/p99 end-to-end latency (from the paid webhook's 202 to the last
 * consumer, observed by polling every 100 ms). The baseline is the rate the gateway accepted
 * the same orders at: ratio 1 means the consumers keep up with intake. The limit is the durable
 * rows an order needs written set-based by PostgreSQL alone (bench/lib/order-rows-floor.ts).
 * Beside them, what one order costs: jobs, SQL statements, transactions, Redis commands, CPU.
 */
import { randomUUID } from 'node:crypto';
import { devWebhookSecret, orderData, signDelivery, SuiteStack, tokenFor } from '@shopops/testing';
import { httpPool, postJson } from './lib/http';
import { closedLoop, percentile, round } from './lib/load';
import { orderRowsFloor } from './lib/order-rows-floor';
import { progress, type Benchmark } from './lib/report';
import { startCostMeter } from './lib/work-costs';

const CONCURRENCY = 16;
const SKUS = 20;

export const run: Benchmark = async ({ seconds }) => {
  progress('starting the gateway, catalog, inventory, membership and analytics');
  const stack = await SuiteStack.start({
    name: 'bench-order-flow',
    services: ['gateway', 'catalog', 'inventory', 'membership', 'analytics'],
    env: { LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '50' },
  });
  const db = stack.db();
  try {
    const api = httpPool(stack.gatewayUrl, CONCURRENCY);
    const call = async (role: 'operator' | 'warehouse', query: string, variables: object) =>
      JSON.parse((await postJson(api, '/graphql', JSON.stringify({ query, variables }), { authorization: `Bearer ${tokenFor(role)}` })).body) as {
        data?: Record<string, { __typename: string }>;
      };
    const skus = Array.from({ length: SKUS }, (_, i) => `OF-${String(i).padStart(2, '0')}-M`);
    await call('operator', `mutation($i: CreateProductInput!) { createProduct(input: $i) { __typename } }`, {
      i: { code: 'OF', title: '基准商品', skus: skus.map((code) => ({ code, listPriceFen: 19900 })) },
    });
    for (const sku of skus) {
      for (let attempt = 0; attempt < 100; attempt++) {
        const received = await call('warehouse', `mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { __typename } }`, {
          i: { skuCode: sku, locationCode: 'CENTRAL', quantity: 100_000 },
        });
        if (received.data?.receiveStock.__typename === 'StockLevel') break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    const secret = devWebhookSecret('taobao');
    const run = randomUUID().slice(0, 6);
    const paidAt = new Map<string, number>();
    const send = async (type: string, data: Record<string, unknown>) => {
      const body = JSON.stringify({ type, occurredAt: new Date().toISOString(), data });
      return (await postJson(api, '/webhooks/taobao', body, signDelivery(body, { secret }).headers)).status === 202;
    };
    progress(`${CONCURRENCY} senders for ${seconds}s`);
    const meter = await startCostMeter(stack);
    const intake = await closedLoop({
      concurrency: CONCURRENCY,
      durationMs: seconds * 1000,
      task: async (caller, i) => {
        const orderId = `OF${run}${caller}x${i}`;
        const data = orderData(orderId, {
          buyer: { platformUserId: `of_${run}_${(caller * 7919 + i) % 3000}` },
          lines: [{ skuCode: skus[(caller + i) % SKUS], quantity: 1, unitPriceFen: 19900 }],
          totalFen: 19900,
        });
        if (!(await send('order.created', data))) return false;
        const ok = await send('order.paid', data);
        if (ok) paidAt.set(orderId, performance.now());
        return ok;
      },
    });
    await api.close();

    progress(`waiting for ${paidAt.size} orders to reach every consumer`);
    const doneAt = new Map<string, number>();
    const ids = [...paidAt.keys()];
    const deadline = Date.now() + 600_000;
    while (doneAt.size < ids.length && Date.now() < deadline) {
      const { rows } = await db.query<{ order_id: string }>(
        `SELECT r.order_id FROM inventory.reservation r
           JOIN membership.points_lot l ON l.order_channel = 'taobao' AND l.order_id = r.order_id
           JOIN analytics.order_fact f ON f.channel = 'taobao' AND f.order_id = r.order_id
          WHERE r.channel = 'taobao' AND r.order_id = ANY ($1) AND r.status = 'RESERVED' AND r.paid`,
        [ids.filter((id) => !doneAt.has(id))],
      );
      const now = performance.now();
      for (const r of rows) doneAt.set(r.order_id, now);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (doneAt.size < ids.length) throw new Error(`only ${doneAt.size} of ${ids.length} orders reached every consumer`);
    const costs = await meter.stop(ids.length);
    progress('the floor: the same rows written set-based');
    const limit = await orderRowsFloor(db, 20_000);
    const latencies = ids.map((id) => doneAt.get(id)! - paidAt.get(id)!).sort((a, b) => a - b);
    const firstPaid = Math.min(...paidAt.values());
    const lastDone = Math.max(...doneAt.values());
    return {
      bench: 'order-flow',
      metric: 'orders_per_second_to_all_consumers',
      value: round(ids.length / ((lastDone - firstPaid) / 1000), 1),
      baseline: round(ids.length / seconds, 1),
      limit,
      ...costs,
      p50_ms: round(percentile(latencies, 50), 1),
      p99_ms: round(percentile(latencies, 99), 1),
      orders: ids.length,
      failed: intake.failed,
      concurrency: CONCURRENCY,
      seconds,
    };
  } finally {
    await stack.stop();
  }
};
