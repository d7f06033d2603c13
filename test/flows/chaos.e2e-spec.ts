import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DOMAIN_SERVICE_NAMES, deadLetterQueueName, eventQueueName, SERVICE_NAMES } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { createSkus, eventually, freePort, GatewayClient, orderData, PROJECT_ROOT, receiveStock, sendWebhook, SuiteStack } from '@shopops/testing';

const CHANNELS = ['taobao', 'douyin', 'mall'] as const;
const ORDERS_PER_CHANNEL = 340;
const SKU_COUNT = 10;
const UNITS_PER_SKU = 80;
const SENDERS = 6;

interface Delivery {
  readonly channel: string;
  readonly type: 'order.created' | 'order.paid';
  readonly data: Record<string, unknown>;
  readonly id: string;
}

interface PlannedOrder {
  readonly channel: string;
  readonly orderId: string;
  readonly paid: boolean;
  /** Sent one after the other, as a channel would for one order (sometimes paid first). */
  readonly deliveries: Delivery[];
}

/** 1,020 orders over three channels: a fifth never paid, some paid before created, some sent twice. */
function planOrders(run: string, skus: readonly string[]): { orders: PlannedOrder[]; resends: Delivery[] } {
  const orders: PlannedOrder[] = [];
  const resends: Delivery[] = [];
  for (const channel of CHANNELS) {
    for (let i = 0; i < ORDERS_PER_CHANNEL; i++) {
      const orderId = `CH${run}${channel.slice(0, 2).toUpperCase()}${i}`;
      const data = orderData(orderId, {
        buyer: { platformUserId: `${channel}_chaos_${run}_${i % 150}`, nickname: '买家', phone: '13800138000' },
        lines: [{ skuCode: skus[i % skus.length], quantity: 1, unitPriceFen: 100 }],
        totalFen: 100,
      });
      const created: Delivery = { channel, type: 'order.created', data, id: `msg_${randomUUID()}` };
      const paid: Delivery = { channel, type: 'order.paid', data, id: `msg_${randomUUID()}` };
      const isPaid = i % 5 !== 0;
      const deliveries = !isPaid ? [created] : i % 7 === 0 ? [paid, created] : [created, paid];
      orders.push({ channel, orderId, paid: isPaid, deliveries });
      // The same delivery again (a sender's retry), or the same event under a new delivery id.
      if (i % 10 === 3) resends.push(deliveries[deliveries.length - 1]);
      if (i % 13 === 4) resends.push({ ...deliveries[0], id: `msg_${randomUUID()}` });
    }
  }
  // Channels interleave.
  orders.sort((a, b) => Number(a.orderId.replace(/\D/g, '')) - Number(b.orderId.replace(/\D/g, '')) || a.channel.localeCompare(b.channel));
  return { orders, resends };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Redis of the test's own, without persistence, so a kill -9 loses every job it held. */
function startRedis(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    redis.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve(redis));
    redis.once('error', reject);
  });
}

function stopRedis(redis: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return Promise.resolve();
  return new Promise((done) => (redis.once('exit', () => done()), redis.kill(signal)));
}

/**
 * Crashes while a thousand orders arrive: kill -9 of each domain service's process in turn (of the
 * one process hosting them all, in that topology) and of Redis (without persistence), then, with
 * no manual repair, every order ends consistent everywhere.
 */
describe('chaos: crashed services and a Redis that loses everything, under a thousand orders', () => {
  let redisPort: number;
  let redis: ChildProcess;
  let stack: SuiteStack;
  let gateway: GatewayClient;
  let connection: IORedis;
  const queues = new Map<string, Queue>();

  const queue = (name: string): Queue => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix: stack.queuePrefix });
      q.on('error', () => undefined);
      queues.set(name, q);
    }
    return q;
  };
  const schedules = async (): Promise<Record<string, string[]>> =>
    Object.fromEntries(
      await Promise.all(SERVICE_NAMES.map(async (s) => [s, (await queue(eventQueueName(s)).getJobSchedulers()).map((j) => j.key).sort()] as const)),
    );

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    stack = await SuiteStack.start({
      name: 'chaos',
      redisUrl: `redis://127.0.0.1:${redisPort}`,
      // Unpaid orders keep their payment deadline ahead to the end of the test.
      env: { INVENTORY_PAYMENT_WINDOW_SECONDS: '3600' },
    });
    gateway = new GatewayClient(stack.gatewayUrl);
    connection = new IORedis(`redis://127.0.0.1:${redisPort}`, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([...queues.values()].map((q) => q.close()));
    connection?.disconnect();
    await stack?.stop();
    if (redis) await stopRedis(redis, 'SIGTERM');
  });

  const ops = async (): Promise<{ exitCode: number; report: { differences: unknown[]; stockDifferences: unknown[] } }> => {
    const env = {
      ...process.env,
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      QUEUE_PREFIX: stack.queuePrefix,
      GATEWAY_URL: stack.gatewayUrl,
      RECONCILE_SETTLE_SECONDS: '0',
    };
    const run = promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'dist', 'scripts', 'ops.js'), 'reconcile', '--json', '--hours', '1'], { env });
    try {
      return { exitCode: 0, report: JSON.parse((await run).stdout) };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { exitCode: failed.code, report: JSON.parse(failed.stdout) };
    }
  };

  /** Rows every relay still has to publish or see handled (timers not yet due wait, as they should). */
  const outboxBacklog = async (): Promise<number> => {
    const schemas = ['catalog', 'inventory', 'membership', 'customer_service', 'analytics', 'gateway'];
    const counts = await Promise.all(
      schemas.map(async (schema) => {
        const { rows } = await stack
          .db()
          .query(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE acknowledged_at IS NULL AND (deliver_at IS NULL OR deliver_at <= now())`);
        return rows[0].n as number;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  };

  it('ends with no oversold stock, one reservation per order, points once per paid order, deadlines and schedules present, an empty outbox, no dead letters and a clean reconcile', async () => {
    const run = randomUUID().slice(0, 6).toUpperCase();
    const skus = await createSkus(gateway, SKU_COUNT, 100, 'CHAOS');
    for (const sku of skus) await receiveStock(gateway, sku, 'CENTRAL', UNITS_PER_SKU);
    const expectedSchedules = await schedules();
    expect(Object.values(expectedSchedules).flat().length).toBeGreaterThan(10);

    const { orders, resends } = planOrders(run, skus);
    const units: Delivery[][] = [...orders.map((o) => o.deliveries), ...resends.map((d) => [d])];
    const answers = new Map<number, number>();
    // A sender retries a delivery that got no answer, as integrators do; only a gateway that goes down with its process loses answers.
    let unanswered = 0;
    const deliver = async (d: Delivery): Promise<number> => {
      for (;;) {
        try {
          return (await sendWebhook(stack.gatewayUrl, d.channel, { type: d.type, data: d.data }, { id: d.id })).status;
        } catch {
          unanswered++;
          await pause(250);
        }
      }
    };
    const sendUnits = async (batch: Delivery[][]): Promise<void> => {
      let next = 0;
      await Promise.all(
        Array.from({ length: SENDERS }, async () => {
          while (next < batch.length) {
            for (const d of batch[next++]) {
              const status = await deliver(d);
              answers.set(status, (answers.get(status) ?? 0) + 1);
            }
          }
        }),
      );
    };

    // Each crash happens while a share of the webhooks arrives: kill -9 of every process that runs a
    // domain service (each service's own, or the one process that hosts the whole suite), restarted.
    const crashed = stack.processesRunning(DOMAIN_SERVICE_NAMES).map((running) => running.id);
    const crashes: Array<() => Promise<void>> = [
      ...crashed.map((id) => async () => {
        await pause(300);
        await stack.restartProcess(id, 'SIGKILL');
      }),
      async () => {
        await pause(300);
        await stopRedis(redis, 'SIGKILL');
        await pause(3000);
        redis = await startRedis(redisPort);
      },
    ];
    const share = Math.ceil(units.length / (crashes.length + 1));
    for (let phase = 0; phase <= crashes.length; phase++) {
      await Promise.all([sendUnits(units.slice(phase * share, (phase + 1) * share)), crashes[phase]?.()]);
    }
    const sent = units.reduce((n, u) => n + u.length, 0);
    expect(sent).toBeGreaterThanOrEqual(2000);
    // Every delivery is accepted, crashes or not; a delivery id sent twice is answered as a duplicate. A
    // delivery whose answer died with the gateway's process may have been stored: its retry is a duplicate.
    const uniqueIds = new Set(units.flat().map((d) => d.id)).size;
    const accepted = answers.get(202) ?? 0;
    expect({ answered: accepted + (answers.get(200) ?? 0), other: [...answers.keys()].filter((status) => status !== 200 && status !== 202) }).toEqual({
      answered: sent,
      other: [],
    });
    expect(accepted).toBeLessThanOrEqual(uniqueIds);
    expect(accepted).toBeGreaterThanOrEqual(uniqueIds - unanswered);
    if (stack.topology === 'per-service') expect(unanswered).toBe(0);

    // No manual repair: wait for every service to settle by itself.
    await eventually(
      async () => ({ backlog: await outboxBacklog(), reconcile: await ops() }),
      ({ backlog, reconcile }) =>
        backlog === 0 && reconcile.exitCode === 0 && reconcile.report.differences.length === 0 && reconcile.report.stockDifferences.length === 0,
      { timeoutMs: 300_000, intervalMs: 3000, what: 'every order consistent and every outbox empty' },
    );

    const db = stack.db();
    const orderIds = orders.map((o) => o.orderId);
    const channels = orders.map((o) => o.channel);
    const reservations = await db.query(
      `SELECT r.channel, r.order_id, r.status, r.paid, count(*) OVER (PARTITION BY r.channel, r.order_id)::int AS copies
         FROM inventory.reservation r JOIN unnest($1::text[], $2::text[]) AS k(c, o) ON r.channel = k.c AND r.order_id = k.o`,
      [channels, orderIds],
    );
    expect(reservations.rows).toHaveLength(orders.length);
    expect(reservations.rows.filter((r) => r.copies !== 1)).toEqual([]);

    const stock = await db.query(
      `SELECT sku_code, sum(on_hand)::int AS on_hand, sum(reserved)::int AS reserved FROM inventory.stock_level WHERE sku_code = ANY($1) GROUP BY 1`,
      [skus],
    );
    const held = await db.query(
      `SELECT r.lines -> 0 ->> 'skuCode' AS sku_code, count(*)::int AS n FROM inventory.reservation r JOIN unnest($1::text[], $2::text[]) AS k(c, o) ON r.channel = k.c AND r.order_id = k.o
        WHERE r.status = 'RESERVED' GROUP BY 1`,
      [channels, orderIds],
    );
    const heldBySku = new Map(held.rows.map((r) => [r.sku_code as string, r.n as number]));
    for (const level of stock.rows) {
      expect({ sku: level.sku_code, onHand: level.on_hand, reserved: level.reserved }).toEqual({
        sku: level.sku_code,
        onHand: UNITS_PER_SKU,
        reserved: heldBySku.get(level.sku_code) ?? 0,
      });
    }
    expect(stock.rows).toHaveLength(SKU_COUNT);
    const oversold = stock.rows.filter((level) => level.reserved > level.on_hand);
    expect(oversold).toEqual([]);

    const lots = await db.query(
      `SELECT l.order_channel, l.order_id, count(*)::int AS n FROM membership.points_lot l JOIN unnest($1::text[], $2::text[]) AS k(c, o) ON l.order_channel = k.c AND l.order_id = k.o GROUP BY 1, 2`,
      [channels, orderIds],
    );
    const paidOrders = orders.filter((o) => o.paid);
    expect(lots.rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(lots.rows.map((r) => `${r.order_channel}:${r.order_id}`).sort()).toEqual(paidOrders.map((o) => `${o.channel}:${o.orderId}`).sort());

    // Every order still unpaid has its payment deadline in PostgreSQL, still ahead (a one-hour window).
    const unpaidReserved = reservations.rows.filter((r) => r.status === 'RESERVED' && !r.paid).map((r) => `${r.channel}:${r.order_id}`);
    expect(unpaidReserved.length).toBeGreaterThan(0);
    const deadlines = await db.query(`SELECT channel, order_id FROM inventory.reservation WHERE status = 'RESERVED' AND NOT paid AND payment_due_at > now()`);
    const due = new Set(deadlines.rows.map((r) => `${r.channel}:${r.order_id}`));
    expect(unpaidReserved.filter((key) => !due.has(key))).toEqual([]);

    expect(
      await eventually(schedules, (now) => JSON.stringify(now) === JSON.stringify(expectedSchedules), { timeoutMs: 30_000, what: 'every schedule registered' }),
    ).toEqual(expectedSchedules);
    const deadLetters = await Promise.all(
      SERVICE_NAMES.map(async (s) => [s, await queue(deadLetterQueueName(eventQueueName(s))).getJobCountByTypes('waiting', 'completed', 'failed')] as const),
    );
    expect(Object.fromEntries(deadLetters)).toEqual(Object.fromEntries(SERVICE_NAMES.map((s) => [s, 0])));
    expect(await outboxBacklog()).toBe(0);
  }, 900_000);
});
