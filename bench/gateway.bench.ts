/**
 * A small query crossing two subgraphs — a SKU with its product (catalog) and stock (inventory)
 * — through the gateway, with each engine, against the same data fetched straight from the two
 * subgraphs as the gateway would (catalog first, then inventory's entity lookup).
 */
import { DEV_IDENTITY_SECRET, IDENTITY_HEADER, signForwardedIdentity } from '@shopops/platform';
import { SuiteStack, tokenFor } from '@shopops/testing';
import { httpPool, postJson } from './lib/http';
import { closedLoop, type LoadResult } from './lib/load';
import { progress, type Benchmark } from './lib/report';

const CONCURRENCY = 32;
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

function drive(run: (caller: number) => Promise<boolean>, seconds: number): Promise<LoadResult> {
  return closedLoop({ concurrency: CONCURRENCY, durationMs: seconds * 1000, warmupMs: 2000, task: run });
}

async function throughGateway(stack: SuiteStack, seconds: number): Promise<LoadResult> {
  const pool = httpPool(stack.gatewayUrl, CONCURRENCY);
  const body = JSON.stringify({ query: GATEWAY_QUERY, variables: { code: SKU } });
  const headers = { authorization: `Bearer ${tokenFor('operator')}` };
  try {
    return await drive(async () => {
      const response = await postJson(pool, '/graphql', body, headers);
      return response.status === 200 && response.body.includes('"onHand"') && !response.body.includes('"errors"');
    }, seconds);
  } finally {
    await pool.close();
  }
}

async function straightToSubgraphs(stack: SuiteStack, seconds: number): Promise<LoadResult> {
  const catalog = httpPool(`http://127.0.0.1:${stack.port('catalog')}`, CONCURRENCY);
  const inventory = httpPool(`http://127.0.0.1:${stack.port('inventory')}`, CONCURRENCY);
  const catalogBody = JSON.stringify({ query: CATALOG_QUERY, variables: { code: SKU } });
  const inventoryBody = JSON.stringify({ query: INVENTORY_QUERY, variables: { r: [{ __typename: 'Sku', code: SKU }] } });
  const identity = () => ({ [IDENTITY_HEADER]: signForwardedIdentity({ subject: 'bench', role: 'operator' }, DEV_IDENTITY_SECRET) });
  try {
    return await drive(async () => {
      const first = await postJson(catalog, '/graphql', catalogBody, identity());
      if (first.status !== 200 || !first.body.includes('"title"')) return false;
      const second = await postJson(inventory, '/graphql', inventoryBody, identity());
      return second.status === 200 && second.body.includes('"onHand"');
    }, seconds);
  } finally {
    await Promise.all([catalog.close(), inventory.close()]);
  }
}

async function restartGateway(stack: SuiteStack, engine: 'apollo' | 'hive'): Promise<void> {
  await stack.stopProcess('gateway');
  await stack.startProcess('gateway', { env: { GATEWAY_ENGINE: engine } });
}

export const run: Benchmark = async ({ seconds }) => {
  progress('starting catalog, inventory and the gateway');
  const stack = await SuiteStack.start({ name: 'bench-gateway', services: ['catalog', 'inventory', 'gateway'], env: { LOG_LEVEL: 'warn' } });
  try {
    await seed(stack);
    progress(`straight to the subgraphs for ${seconds}s`);
    const direct = await straightToSubgraphs(stack, seconds);
    await restartGateway(stack, 'apollo');
    progress(`through the gateway (apollo) for ${seconds}s`);
    const apollo = await throughGateway(stack, seconds);
    await restartGateway(stack, 'hive');
    progress(`through the gateway (hive) for ${seconds}s`);
    const hive = await throughGateway(stack, seconds);
    const faster = hive.perSecond > apollo.perSecond ? 'hive' : 'apollo';
    const best = faster === 'hive' ? hive : apollo;
    return {
      bench: 'gateway',
      metric: 'queries_per_second',
      value: best.perSecond,
      baseline: direct.perSecond,
      engine: faster,
      p50_ms: best.p50Ms,
      p99_ms: best.p99Ms,
      apollo_per_second: apollo.perSecond,
      apollo_p50_ms: apollo.p50Ms,
      apollo_p99_ms: apollo.p99Ms,
      hive_per_second: hive.perSecond,
      hive_p50_ms: hive.p50Ms,
      hive_p99_ms: hive.p99Ms,
      baseline_p50_ms: direct.p50Ms,
      baseline_p99_ms: direct.p99Ms,
      failed: apollo.failed + hive.failed + direct.failed,
      concurrency: CONCURRENCY,
      seconds,
    };
  } finally {
    await stack.stop();
  }
};
