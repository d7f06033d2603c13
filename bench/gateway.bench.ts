/**
 * A small query crossing two subgraphs — a SKU with its product (catalog) and stock (inventory):
 * - value: through the ShopOps gateway (default engine), queries/s at 32 in flight;
 * - baseline: through a stock Apollo gateway a team would build (bench/lib/stock-gateway.ts:
 *   default fetcher, token verified and identity signed on every call) over the same subgraphs;
 * - limit: the same data fetched straight from the two subgraphs as the gateway would (catalog
 *   first, then inventory's entity lookup).
 * p50s are taken at 1 request in flight (the latency a lone caller sees); throughput, p99 and
 * server CPU per query at 32. The Hive engine is measured beside as `hive_per_second`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_IDENTITY_SECRET, DEV_JWT_SECRET, IDENTITY_HEADER, signForwardedIdentity } from '@shopops/platform';
import { freePort, PROJECT_ROOT, SuiteStack, tokenFor } from '@shopops/testing';
import { startCpuSpan } from './lib/cpu';
import { httpPool, postJson } from './lib/http';
import { closedLoop, round, type LoadResult } from './lib/load';
import { cpuPerUnit, progress, type Benchmark } from './lib/report';

const CONCURRENCY = 32;
/** The p50 the contract asks for: one request in flight at a time. */
const LONE_CALLER = 1;
const SKU = 'BENCH-GW-001-BLK-M';
const GATEWAY_QUERY = `query($code: String!) { sku(code: $code) { code listPriceFen product { title } stock { onHand reserved available } } }`;
const CATALOG_QUERY = `query($code: String!) { sku(code: $code) { __typename code listPriceFen product { title } } }`;
const INVENTORY_QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { stock { onHand reserved available } } } }`;

async function seed(stack: SuiteStack): Promise<void> {
  const pool = httpPool(stack.gatewayUrl, 1);
  const as = (role: 'operator' | 'warehouse') => ({ authorization: `Bearer ${tokenFor(role)}` });
  const call = async (query: string, variables: object, role: 'operator' | 'warehouse') =>
    JSON.parse((await postJson(pool, '/graphql', JSON.stringify({ query, variables }), as(role))).body) as { data?: Record<string, { __typename: string }> };
  await call(
    `mutation($i: CreateProductInput!) { createProduct(input: $i) { __typename } }`,
    { i: { code: 'BENCH-GW-001', title: '真丝衬衫 基准', skus: [{ code: SKU, listPriceFen: 129900 }] } },
    'operator',
  );
  for (let attempt = 0; attempt < 100; attempt++) {
    const received = await call(
      `mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { __typename } }`,
      { i: { skuCode: SKU, locationCode: 'CENTRAL', quantity: 500 } },
      'warehouse',
    );
    if (received.data?.receiveStock.__typename === 'StockLevel') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await pool.close();
}

type Task = () => Promise<boolean>;

interface Side {
  /** At 32 in flight, with the server CPU it cost (all services, PostgreSQL, Redis) and the gateway process's own share. */
  readonly loaded: LoadResult;
  readonly cpuMsPerQuery: number;
  readonly gatewayCpuMsPerQuery: number;
  /** At 1 in flight. */
  readonly lone: LoadResult;
}

/** CPU milliseconds one process has used (Linux clock ticks of 10 ms); 0 when there is no such process. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Warms up, then runs `seconds` at 32 in flight counting server CPU, then a while at 1 in flight
 * for the p50. The gateway process's own CPU is counted apart: the machine-wide share
 * (PostgreSQL, Redis) also holds whatever else runs on the machine.
 */
async function measure(task: Task, seconds: number, gatewayPid?: number): Promise<Side> {
  await closedLoop({ concurrency: CONCURRENCY, durationMs: 2000, task });
  const span = startCpuSpan();
  const gatewayBefore = processCpuMs(gatewayPid);
  const loaded = await closedLoop({ concurrency: CONCURRENCY, durationMs: seconds * 1000, task });
  const gatewayCpuMs = processCpuMs(gatewayPid) - gatewayBefore;
  const cpuMs = span.stop();
  const lone = await closedLoop({ concurrency: LONE_CALLER, durationMs: Math.max(3, seconds / 2) * 1000, warmupMs: 500, task });
  return { loaded, cpuMsPerQuery: cpuPerUnit(cpuMs, loaded.completed), gatewayCpuMsPerQuery: cpuPerUnit(gatewayCpuMs, loaded.completed), lone };
}

async function throughGateway(origin: string, seconds: number, gatewayPid: number | undefined): Promise<Side> {
  const pool = httpPool(origin, CONCURRENCY);
  const body = JSON.stringify({ query: GATEWAY_QUERY, variables: { code: SKU } });
  const headers = { authorization: `Bearer ${tokenFor('operator')}` };
  try {
    return await measure(
      async () => {
        const response = await postJson(pool, '/graphql', body, headers);
        return response.status === 200 && response.body.includes('"onHand"') && !response.body.includes('"errors"');
      },
      seconds,
      gatewayPid,
    );
  } finally {
    await pool.close();
  }
}

async function straightToSubgraphs(stack: SuiteStack, seconds: number): Promise<Side> {
  const catalog = httpPool(`http://127.0.0.1:${stack.port('catalog')}`, CONCURRENCY);
  const inventory = httpPool(`http://127.0.0.1:${stack.port('inventory')}`, CONCURRENCY);
  const catalogBody = JSON.stringify({ query: CATALOG_QUERY, variables: { code: SKU } });
  const inventoryBody = JSON.stringify({ query: INVENTORY_QUERY, variables: { r: [{ __typename: 'Sku', code: SKU }] } });
  const identity = () => ({ [IDENTITY_HEADER]: signForwardedIdentity({ subject: 'bench', role: 'operator' }, DEV_IDENTITY_SECRET) });
  try {
    return await measure(async () => {
      const first = await postJson(catalog, '/graphql', catalogBody, identity());
      if (first.status !== 200 || !first.body.includes('"title"')) return false;
      const second = await postJson(inventory, '/graphql', inventoryBody, identity());
      return second.status === 200 && second.body.includes('"onHand"');
    }, seconds);
  } finally {
    await Promise.all([catalog.close(), inventory.close()]);
  }
}

/** The stock Apollo gateway as its own process over the same two subgraphs. */
async function startStockGateway(stack: SuiteStack, port: number): Promise<ChildProcess> {
  const urls = { catalog: `http://127.0.0.1:${stack.port('catalog')}/graphql`, inventory: `http://127.0.0.1:${stack.port('inventory')}/graphql` };
  const args = [join(__dirname, 'lib', 'stock-gateway.ts'), String(port), join(PROJECT_ROOT, 'generated', 'supergraph.graphql'), JSON.stringify(urls)];
  const child = spawn(process.execPath, [...process.execArgv, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, STOCK_JWT_SECRET: DEV_JWT_SECRET, STOCK_IDENTITY_SECRET: DEV_IDENTITY_SECRET, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`stock gateway exited ${code}`)));
  });
}

async function restartGateway(stack: SuiteStack, engine: 'apollo' | 'hive'): Promise<void> {
  await stack.stopProcess('gateway');
  await stack.startProcess('gateway', { env: { GATEWAY_ENGINE: engine } });
}

export const run: Benchmark = async ({ seconds }) => {
  progress('starting catalog, inventory and the gateway');
  const stack = await SuiteStack.start({ name: 'bench-gateway', services: ['catalog', 'inventory', 'gateway'], env: { LOG_LEVEL: 'warn' } });
  let stock: ChildProcess | undefined;
  try {
    await seed(stack);
    progress(`straight to the subgraphs for ${seconds}s`);
    const direct = await straightToSubgraphs(stack, seconds);
    await restartGateway(stack, 'apollo');
    progress(`through the gateway for ${seconds}s`);
    const gateway = await throughGateway(stack.gatewayUrl, seconds, stack.processes.get('gateway')?.child.pid);
    const stockPort = await freePort();
    stock = await startStockGateway(stack, stockPort);
    progress(`through a stock Apollo gateway for ${seconds}s`);
    const baseline = await throughGateway(`http://127.0.0.1:${stockPort}`, seconds, stock.pid);
    stock.kill('SIGTERM');
    await restartGateway(stack, 'hive');
    progress(`through the gateway with the hive engine for ${seconds}s`);
    const hive = await throughGateway(stack.gatewayUrl, seconds, stack.processes.get('gateway')?.child.pid);
    return {
      bench: 'gateway',
      metric: 'queries_per_second',
      value: gateway.loaded.perSecond,
      baseline: baseline.loaded.perSecond,
      limit: direct.loaded.perSecond,
      cpu_ms_per_unit: gateway.cpuMsPerQuery,
      p50_ms: gateway.lone.p50Ms,
      p99_ms: gateway.loaded.p99Ms,
      baseline_p50_ms: baseline.lone.p50Ms,
      baseline_p99_ms: baseline.loaded.p99Ms,
      baseline_cpu_ms_per_unit: baseline.cpuMsPerQuery,
      gateway_process_cpu_ms_per_unit: gateway.gatewayCpuMsPerQuery,
      baseline_gateway_process_cpu_ms_per_unit: baseline.gatewayCpuMsPerQuery,
      direct_p50_ms: direct.lone.p50Ms,
      direct_p99_ms: direct.loaded.p99Ms,
      direct_cpu_ms_per_unit: direct.cpuMsPerQuery,
      // Targets: p50 at most 1.3x direct at 1 in flight; at least 0.8x direct throughput at 32 (of_limit).
      p50_vs_direct: direct.lone.p50Ms === 0 ? null : round(gateway.lone.p50Ms / direct.lone.p50Ms, 2),
      target_p50_vs_direct: 1.3,
      target_of_limit: 0.8,
      p50_at_32_ms: gateway.loaded.p50Ms,
      hive_per_second: hive.loaded.perSecond,
      hive_p50_ms: hive.lone.p50Ms,
      hive_cpu_ms_per_unit: hive.cpuMsPerQuery,
      hive_gateway_process_cpu_ms_per_unit: hive.gatewayCpuMsPerQuery,
      failed: [gateway, baseline, direct, hive].reduce((n, side) => n + side.loaded.failed + side.lone.failed, 0),
      concurrency: CONCURRENCY,
      seconds,
    };
  } finally {
    stock?.kill('SIGKILL');
    await stack.stop();
  }
};
