/**
 * Reservations per second on one hot SKU with 64 concurrent callers:
 * - value: inventory's reserveStock straight on the subgraph (signed as the gateway would), the
 *   batched engine;
 * - baseline: what a team would otherwise build, with no GraphQL in the way: 64 connections,
 *   each reservation a transaction with one conditional `UPDATE … RETURNING` and its INSERT;
 * - limit: the same rows written with 256 reservations per transaction (bench/lib/hot-row.ts).
 * Then: a SKU with less stock than demand (oversold must be 0), callers of that SKU once sold
 * out (refused by the admission counter), a kill -9 of inventory mid-run (confirmed reservations
 * missing from PostgreSQL must be 0), and a second limit: the bare subgraph answering
 * `{ __typename }` (what the GraphQL layer alone allows on this machine).
 */
import { randomUUID } from 'node:crypto';
import { DEV_IDENTITY_SECRET, IDENTITY_HEADER, signForwardedIdentity } from '@shopops/platform';
import { createSkus, GatewayClient, receiveStock, SuiteStack } from '@shopops/testing';
import { httpPool, postJson } from './lib/http';
import { closedLoop, type LoadResult } from './lib/load';
import { startDatabaseCpuSpan } from './lib/cpu';
import { groupCommitFloor, rowLockReservations } from './lib/hot-row';
import { cpuPerUnit, progress, type Benchmark } from './lib/report';

const CALLERS = 64;
const RESERVE = `mutation($i: ReserveStockInput!) { reserveStock(input: $i) { __typename } }`;

function reserver(stack: SuiteStack, skuCode: string) {
  const pool = httpPool(`http://127.0.0.1:${stack.port('inventory')}`, CALLERS);
  const confirmed: string[] = [];
  let refused = 0;
  const reserveOne = async (): Promise<boolean> => {
    const orderId = `FS-${randomUUID()}`;
    const headers = { [IDENTITY_HEADER]: signForwardedIdentity({ subject: 'bench', role: 'operator' }, DEV_IDENTITY_SECRET) };
    const response = await postJson(
      pool,
      '/graphql',
      JSON.stringify({ query: RESERVE, variables: { i: { orderId, lines: [{ skuCode, quantity: 1 }] } } }),
      headers,
    );
    if (response.body.includes('"Reservation"')) {
      confirmed.push(orderId);
      return true;
    }
    if (response.body.includes('InsufficientStockError')) refused += 1;
    return false;
  };
  return { pool, confirmed, refused: () => refused, reserveOne };
}

async function measure(stack: SuiteStack, skuCode: string, seconds: number): Promise<LoadResult> {
  const r = reserver(stack, skuCode);
  try {
    return await closedLoop({ concurrency: CALLERS, durationMs: seconds * 1000, warmupMs: 1000, task: () => r.reserveOne() });
  } finally {
    await r.pool.close();
  }
}

async function restartInventory(stack: SuiteStack, batchMax: number): Promise<void> {
  await stack.stopProcess('inventory');
  await stack.startProcess('inventory', { env: { INVENTORY_RESERVE_BATCH_MAX: String(batchMax) } });
}

/** The subgraph's GraphQL layer alone: a signed `{ __typename }` with the same callers. */
async function trivialQueries(stack: SuiteStack, seconds: number): Promise<LoadResult> {
  const pool = httpPool(`http://127.0.0.1:${stack.port('inventory')}`, CALLERS);
  const body = JSON.stringify({ query: '{ __typename }' });
  try {
    return await closedLoop({
      concurrency: CALLERS,
      durationMs: seconds * 1000,
      warmupMs: 1000,
      task: async () => {
        const headers = { [IDENTITY_HEADER]: signForwardedIdentity({ subject: 'bench', role: 'operator' }, DEV_IDENTITY_SECRET) };
        return (await postJson(pool, '/graphql', body, headers)).body.includes('"Query"');
      },
    });
  } finally {
    await pool.close();
  }
}

/** Callers of a sold-out SKU: answered by the admission counter, PostgreSQL's CPU beside. */
async function soldOutRefusals(stack: SuiteStack, skuCode: string, seconds: number): Promise<{ perSecond: number; refused: number; cpuMsPerRefusal: number }> {
  const r = reserver(stack, skuCode);
  const cpu = await startDatabaseCpuSpan(stack.db(), stack.database);
  // Every answer counts here (refused is the expected one); `refused` says how many were refusals.
  const result = await closedLoop({ concurrency: CALLERS, durationMs: seconds * 1000, task: () => r.reserveOne().then(() => true) });
  const cpuMs = await cpu.stop();
  await r.pool.close();
  return { perSecond: result.perSecond, refused: r.refused(), cpuMsPerRefusal: cpuPerUnit(cpuMs, result.completed) };
}

/** Demand well above stock: every unit sold once, none twice. */
async function oversold(stack: SuiteStack, gateway: GatewayClient): Promise<{ sku: string; stock: number; confirmed: number; oversold: number }> {
  const [sku] = await createSkus(gateway, 1, 49900, 'FS-SCARCE');
  const stock = 2000;
  await receiveStock(gateway, sku, 'CENTRAL', stock);
  const r = reserver(stack, sku);
  await closedLoop({ concurrency: CALLERS, durationMs: 4000, task: () => r.reserveOne() });
  await r.pool.close();
  const { rows } = await stack.db().query(`SELECT on_hand, reserved FROM inventory.stock_level WHERE sku_code = $1`, [sku]);
  return { sku, stock, confirmed: r.confirmed.length, oversold: Math.max(0, r.confirmed.length - stock) + Math.max(0, rows[0].reserved - rows[0].on_hand) };
}

/** kill -9 mid-run: every reservation the caller was told about must be in PostgreSQL. */
async function killDuringRun(stack: SuiteStack, skuCode: string): Promise<{ confirmed: number; missing: number }> {
  const r = reserver(stack, skuCode);
  const run = closedLoop({ concurrency: CALLERS, durationMs: 4000, task: () => r.reserveOne().catch(() => false) });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await stack.stopProcess('inventory', 'SIGKILL');
  await run;
  await r.pool.close();
  await stack.startProcess('inventory');
  const { rows } = await stack
    .db()
    .query(`SELECT count(*)::int AS found FROM inventory.reservation WHERE channel = 'mall' AND order_id = ANY($1::text[]) AND status = 'RESERVED'`, [
      r.confirmed,
    ]);
  return { confirmed: r.confirmed.length, missing: r.confirmed.length - rows[0].found };
}

export const run: Benchmark = async ({ seconds }) => {
  progress('starting catalog, inventory and the gateway');
  const stack = await SuiteStack.start({
    name: 'bench-flash-sale',
    services: ['catalog', 'inventory', 'gateway'],
    env: { LOG_LEVEL: 'warn', DB_POOL_SIZE: '20' },
  });
  try {
    const gateway = new GatewayClient(stack.gatewayUrl);
    const [hot] = await createSkus(gateway, 1, 99900, 'FS-HOT');
    await receiveStock(gateway, hot, 'CENTRAL', 1_000_000);
    progress(`batched engine: ${CALLERS} callers on one SKU for ${seconds}s`);
    const cpu = await startDatabaseCpuSpan(stack.db(), stack.database);
    const batched = await measure(stack, hot, seconds);
    const cpuMs = await cpu.stop();
    progress(`bare subgraph: { __typename } with ${CALLERS} callers for ${seconds}s`);
    const trivial = await trivialQueries(stack, seconds);
    progress(`same engine, one transaction per request (INVENTORY_RESERVE_BATCH_MAX=1) for ${seconds}s`);
    await restartInventory(stack, 1);
    const unbatched = await measure(stack, hot, seconds);
    await restartInventory(stack, 256);
    progress(`baseline: ${CALLERS} connections, a conditional UPDATE … RETURNING per reservation, for ${seconds}s`);
    const baseline = await rowLockReservations(stack.databaseUrl, CALLERS, seconds);
    progress('limit: 256 reservations per transaction');
    const limit = await groupCommitFloor(stack.databaseUrl, 256, seconds);
    progress('oversell check: demand far above stock');
    const scarce = await oversold(stack, gateway);
    progress('callers of the sold-out SKU');
    const soldOut = await soldOutRefusals(stack, scarce.sku, Math.min(seconds, 5));
    progress('kill -9 of inventory mid-run');
    const crash = await killDuringRun(stack, hot);
    return {
      bench: 'flash-sale',
      metric: 'reservations_per_second',
      value: batched.perSecond,
      baseline: baseline.perSecond,
      limit,
      cpu_ms_per_unit: cpuPerUnit(cpuMs, batched.completed),
      p50_ms: batched.p50Ms,
      p99_ms: batched.p99Ms,
      baseline_p50_ms: baseline.p50Ms,
      baseline_p99_ms: baseline.p99Ms,
      unbatched_engine_per_second: unbatched.perSecond,
      subgraph_trivial_query_per_second: trivial.perSecond,
      soldout_refusals_per_second: soldOut.perSecond,
      soldout_refused: soldOut.refused,
      soldout_cpu_ms_per_refusal: soldOut.cpuMsPerRefusal,
      oversold: scarce.oversold,
      scarce_stock: scarce.stock,
      scarce_confirmed: scarce.confirmed,
      kill9_confirmed: crash.confirmed,
      kill9_missing_in_postgres: crash.missing,
      callers: CALLERS,
      path: 'reserveStock on the inventory subgraph, signed as the gateway',
      seconds,
    };
  } finally {
    await stack.stop();
  }
};
