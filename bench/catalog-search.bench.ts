/**
 * Keyword and filter searches over the demo range scaled to 10,000 products, through the
 * gateway, against the same queries sent straight to the catalog subgraph (the gateway's
 * overhead as a ratio). The range is loaded with the bulk import, as a shop would.
 */
import { DEV_IDENTITY_SECRET, IDENTITY_HEADER, signForwardedIdentity } from '@shopops/platform';
import { SuiteStack, tokenFor } from '@shopops/testing';
import { seededRandom } from '../scripts/demo/demo-context';
import { demoProducts } from '../scripts/demo/catalog.demo';
import { httpPool, postJson } from './lib/http';
import { closedLoop, type LoadResult } from './lib/load';
import { progress, type Benchmark } from './lib/report';

const PRODUCTS = 10_000;
/** Files of 400 products stay under the gateway's 1 MiB body limit. */
const IMPORT_JOBS = 25;
const CONCURRENCY = 16;
const QUERY = `query($q: String, $f: ProductFilter) { searchProducts(query: $q, filter: $f, first: 20) { nodes { code title minPriceFen skus { code listPriceFen } } pageInfo { hasNextPage endCursor } } }`;
/** What shoppers and operators type: Chinese words, two-word queries, English, codes, filters. */
const SEARCHES = [
  { q: '连衣裙' },
  { q: '真丝 衬衫' },
  { q: '羊绒', f: { categoryCode: 'COAT' } },
  { q: 'office' },
  { q: 'LX-BAG-01' },
  { f: { categoryCode: 'WOMEN', roles: ['CORE'], maxPriceFen: 100000 } },
  { q: '法式', f: { minPriceFen: 150000 } },
  { q: '针织开衫' },
];
const bodies = SEARCHES.map((s) => JSON.stringify({ query: QUERY, variables: { q: s.q ?? null, f: s.f ?? null } }));

async function seed(stack: SuiteStack): Promise<void> {
  const pool = httpPool(stack.gatewayUrl, IMPORT_JOBS);
  const headers = { authorization: `Bearer ${tokenFor('operator')}` };
  const call = async (query: string, variables: object) =>
    JSON.parse((await postJson(pool, '/graphql', JSON.stringify({ query, variables }), headers)).body) as {
      data: Record<string, { id: string; status: string; processed: number; created: number }>;
    };
  const products = demoProducts(seededRandom(20261111), PRODUCTS);
  const chunk = Math.ceil(PRODUCTS / IMPORT_JOBS);
  const jobs: string[] = [];
  for (let i = 0; i < IMPORT_JOBS; i++) {
    const started = await call(`mutation($c: String!) { startProductImport(format: JSON, content: $c) { id status } }`, {
      c: JSON.stringify(products.slice(i * chunk, (i + 1) * chunk)),
    });
    if (!started.data) throw new Error(`import refused: ${JSON.stringify(started)}`);
    jobs.push(started.data.startProductImport.id);
  }
  for (;;) {
    const states = await Promise.all(
      jobs.map(async (id) => (await call(`query($id: ID!) { importJob(id: $id) { status processed created } }`, { id })).data.importJob),
    );
    const processed = states.reduce((n, s) => n + s.processed, 0);
    progress(`imported ${processed}/${PRODUCTS}`);
    if (states.every((s) => s.status === 'DONE')) {
      const created = states.reduce((n, s) => n + s.created, 0);
      if (created !== PRODUCTS) throw new Error(`import created ${created} of ${PRODUCTS} products`);
      break;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  await pool.close();
}

async function drive(origin: string, headers: () => Record<string, string>, seconds: number): Promise<LoadResult> {
  const pool = httpPool(origin, CONCURRENCY);
  let next = 0;
  try {
    return await closedLoop({
      concurrency: CONCURRENCY,
      durationMs: seconds * 1000,
      warmupMs: 2000,
      task: async () => {
        const response = await postJson(pool, '/graphql', bodies[next++ % bodies.length], headers());
        return response.status === 200 && response.body.includes('"nodes"') && !response.body.includes('"errors"');
      },
    });
  } finally {
    await pool.close();
  }
}

export const run: Benchmark = async ({ seconds }) => {
  progress('starting catalog and the gateway');
  const stack = await SuiteStack.start({ name: 'bench-catalog-search', services: ['catalog', 'gateway'], env: { LOG_LEVEL: 'warn' } });
  try {
    progress(`importing ${PRODUCTS} products`);
    const started = Date.now();
    await seed(stack);
    const importSeconds = (Date.now() - started) / 1000;
    progress(`straight to the catalog subgraph for ${seconds}s`);
    const direct = await drive(
      `http://127.0.0.1:${stack.port('catalog')}`,
      () => ({ [IDENTITY_HEADER]: signForwardedIdentity({ subject: 'bench', role: 'operator' }, DEV_IDENTITY_SECRET) }),
      seconds,
    );
    progress(`through the gateway for ${seconds}s`);
    const token = tokenFor('operator');
    const gateway = await drive(stack.gatewayUrl, () => ({ authorization: `Bearer ${token}` }), seconds);
    return {
      bench: 'catalog-search',
      metric: 'searches_per_second',
      value: gateway.perSecond,
      baseline: direct.perSecond,
      p50_ms: gateway.p50Ms,
      p99_ms: gateway.p99Ms,
      baseline_p50_ms: direct.p50Ms,
      baseline_p99_ms: direct.p99Ms,
      failed: gateway.failed + direct.failed,
      products: PRODUCTS,
      import_products_per_second: Math.round(PRODUCTS / importSeconds),
      concurrency: CONCURRENCY,
      seconds,
    };
  } finally {
    await stack.stop();
  }
};
