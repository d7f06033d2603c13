/**
 * Keyword and filter searches over the demo range scaled to 10,000 products, 16 callers, every
 * query distinct (varied terms and bounds, so the result cache never answers).
 *
 * - value: searches per second through the gateway (searchProducts with SKUs and the total count).
 * - baseline: what the catalog did before the search document, sent straight to PostgreSQL at
 *   the same 16 in flight: the `LIKE ALL (array)` statement over the product table with its own
 *   search columns (a copy of it, `product_before`, laid out and indexed as it was, in this
 *   run's throwaway database) plus the read of the products it found.
 * - limit: the bare search statement the catalog now runs (prepared by name, as the catalog
 *   runs it), straight to PostgreSQL at 16 in flight: the floor of the same work without
 *   GraphQL, the gateway or the SKU field.
 *
 * The three sides take turns in rounds, so other load on the machine falls on each alike.
 */
import { SuiteStack, tokenFor } from '@shopops/testing';
import { Pool } from 'pg';
import { searchStatement } from '../apps/catalog/src/search/search.service';
import type { SearchProductsArgs } from '../apps/catalog/src/search/search.model';
import { likePattern, searchTerms } from '../apps/catalog/src/search/search-text';
import { seededRandom, pick } from '../scripts/demo/demo-context';
import { demoProducts } from '../scripts/demo/catalog.demo';
import { cpuPerUnit, progress, type Benchmark } from './lib/report';
import { startCpuSpan } from './lib/cpu';
import { httpPool, postJson } from './lib/http';
import { percentile, round, type LoadResult } from './lib/load';

const PRODUCTS = 10_000;
/** Files of 400 products stay under the gateway's 1 MiB body limit. */
const IMPORT_JOBS = 25;
const CONCURRENCY = 16;
const LOW_STOCK_UNITS = 10;
const QUERY = `query($q: String, $f: ProductFilter) { searchProducts(query: $q, filter: $f, first: 20) { totalCount nodes { code title minPriceFen skus { code listPriceFen } } pageInfo { hasNextPage endCursor } } }`;

/** The search statement before the search document: the baseline, as the catalog ran it. */
const OLD_STATEMENT = `SELECT id, code, rank FROM (
   SELECT p.id, p.code, CASE WHEN $1::text IS NOT NULL AND lower(p.title) LIKE $1 THEN 1 ELSE 0 END AS rank
     FROM product_before p
    WHERE p.search_grams @> $2::text[]
      AND p.search_text LIKE ALL ($3::text[])
      AND p.status = ANY ($4::text[])
      AND ($5::text IS NULL OR p.category_code IN (SELECT c.code FROM category c, category root WHERE root.code = $5 AND (c.path = root.path OR c.path LIKE root.path || '/%')) OR p.category_code = $5)
      AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM collection_product cp JOIN collection c ON c.id = cp.collection_id WHERE cp.product_id = p.id AND c.code = $6))
      AND ($7::int IS NULL OR p.max_price_fen >= $7)
      AND ($8::int IS NULL OR p.min_price_fen <= $8)
      AND ($9::text[] IS NULL OR p.portfolio_role = ANY ($9))
      AND ($10::text[] IS NULL OR p.lifecycle_stage = ANY ($10))
      AND p.tags @> $11::text[]
      AND (NOT $15::boolean OR (p.status = 'ON_SALE' AND p.lifecycle_stage <> 'EXIT'))
  ) hits
  WHERE $12::int IS NULL OR rank < $12 OR (rank = $12 AND code > $13)
  ORDER BY rank DESC, code
  LIMIT $14`;
/** What the old search then read: the products it found (TypeORM's findBy ids). */
const OLD_PRODUCTS = `SELECT * FROM product_before WHERE id = ANY ($1::uuid[])`;
/** The product table as it was before the search document: its own search columns and indexes. */
const RESTORE_OLD_LAYOUT = [
  `CREATE TABLE product_before AS SELECT p.*, d.body AS search_text, d.grams AS search_grams FROM product p JOIN product_search d ON d.product_id = p.id`,
  `ALTER TABLE product_before ADD PRIMARY KEY (id)`,
  `CREATE INDEX product_before_search_text ON product_before USING gin (search_text public.gin_trgm_ops) WITH (fastupdate = off)`,
  `CREATE INDEX product_before_search_grams ON product_before USING gin (search_grams) WITH (fastupdate = off)`,
  `CREATE INDEX product_before_filters ON product_before (status, lifecycle_stage, portfolio_role)`,
  `CREATE INDEX product_before_category ON product_before (category_code)`,
  `CREATE INDEX product_before_tags ON product_before USING gin (tags) WITH (fastupdate = off)`,
  `VACUUM ANALYZE product_before`,
];
/** Sides take turns in rounds, so load from elsewhere on the machine falls on all three alike. */
const ROUNDS = 5;

interface Search {
  readonly q?: string;
  readonly f: Record<string, unknown>;
}

const CATEGORIES = ['DRESS', 'SHIRT', 'COAT', 'KNIT', 'PANTS', 'BAG', 'SCARF'];
const CHINESE = [
  '连衣裙',
  '真丝',
  '衬衫',
  '羊绒',
  '大衣',
  '针织',
  '开衫',
  '碎花',
  '法式',
  '通勤',
  '复古',
  '极简',
  '度假',
  '新中式',
  '轻奢',
  '百搭',
  '阔腿',
  '西裤',
  '托特包',
  '方巾',
  '围巾',
  '羊毛',
  '醋酸',
  '亚麻',
  '缎面',
  '风衣',
  '镂空',
];
const ENGLISH = ['office', 'minimal'];

/**
 * The i-th search: what shoppers and operators type (Chinese words and pairs, English, product
 * and SKU codes, filters), each with its own price bound so no two are alike.
 */
function searchAt(random: () => number, i: number): Search {
  const bound = { maxPriceFen: 400_000 + i };
  const roll = random();
  const code = () => `${pick(random, CATEGORIES)}-${String(1 + Math.floor(random() * (PRODUCTS / CATEGORIES.length))).padStart(3, '0')}`;
  if (roll < 0.25) return { q: pick(random, CHINESE), f: bound };
  if (roll < 0.4) return { q: `${pick(random, CHINESE)} ${pick(random, CHINESE)}`, f: bound };
  if (roll < 0.5) return { q: `${pick(random, ENGLISH)} ${pick(random, CHINESE)}`, f: bound };
  if (roll < 0.6) return { q: pick(random, ENGLISH), f: { ...bound, categoryCode: pick(random, CATEGORIES) } };
  if (roll < 0.75) return { q: `LX-${code()}`, f: bound };
  if (roll < 0.85) return { q: `LX-${code().slice(0, -1)}`, f: bound };
  if (roll < 0.95) return { f: { categoryCode: pick(random, ['WOMEN', ...CATEGORIES]), roles: ['CORE'], maxPriceFen: 100_000 + i } };
  return { q: pick(random, CHINESE), f: { minPriceFen: 150_000, maxPriceFen: 400_000 + i } };
}

function searches(seed: number, count: number, from: number): Search[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => searchAt(random, from + i));
}

function args(s: Search): SearchProductsArgs {
  return { query: s.q, filter: s.f, first: 20 };
}

/** The old statement's parameters, as the catalog computed them. */
function oldParameters(s: Search): unknown[] {
  const f = s.f as { categoryCode?: string; minPriceFen?: number; maxPriceFen?: number; roles?: string[] };
  const terms = s.q ? searchTerms(s.q) : { grams: [], words: [] };
  return [
    s.q ? likePattern(s.q.trim().toLowerCase()) : null,
    terms.grams,
    terms.words.map(likePattern),
    ['DRAFT', 'ON_SALE'],
    f.categoryCode ?? null,
    null,
    f.minPriceFen ?? null,
    f.maxPriceFen ?? null,
    f.roles ?? null,
    null,
    [],
    null,
    null,
    21,
    false,
  ];
}

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

/** Latencies of one side over every round it ran. */
class Side {
  readonly latencies: number[] = [];
  failed = 0;
  seconds = 0;
  /** Every search sent, warm-up included (what server CPU is spent on). */
  sent = 0;
  private next = 0;

  constructor(private readonly list: readonly Search[]) {}

  /** One round: CONCURRENCY callers, each taking the next unused search, for `ms` after a short warm-up. */
  async round(ms: number, task: (s: Search) => Promise<boolean>): Promise<void> {
    const call = async (record: boolean) => {
      if (this.next >= this.list.length) throw new Error('ran out of distinct searches');
      const t0 = performance.now();
      this.sent += 1;
      const ok = await task(this.list[this.next++]).catch(() => false);
      if (!record) return;
      if (ok) this.latencies.push(performance.now() - t0);
      else this.failed += 1;
    };
    const loop = async (until: number, record: boolean) => {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (performance.now() < until) await call(record);
        }),
      );
    };
    await loop(performance.now() + 500, false);
    const started = performance.now();
    await loop(started + ms, true);
    this.seconds += (performance.now() - started) / 1000;
  }

  result(): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      completed: sorted.length,
      failed: this.failed,
      seconds: round(this.seconds, 2),
      perSecond: round(sorted.length / this.seconds, 1),
      p50Ms: round(percentile(sorted, 50), 2),
      p99Ms: round(percentile(sorted, 99), 2),
      maxMs: round(sorted[sorted.length - 1] ?? 0, 2),
    };
  }
}

function gatewayTask(pool: ReturnType<typeof httpPool>): (s: Search) => Promise<boolean> {
  const headers = { authorization: `Bearer ${tokenFor('operator')}` };
  return async (s) => {
    const response = await postJson(pool, '/graphql', JSON.stringify({ query: QUERY, variables: { q: s.q ?? null, f: s.f } }), headers);
    return response.status === 200 && response.body.includes('"nodes"') && !response.body.includes('"errors"');
  };
}

/** A search's plan names the trigram index: the keyword is answered from it, not by a scan. */
async function usesTrigramIndex(db: Pool, q: string): Promise<boolean> {
  const statement = searchStatement(args({ q, f: {} }), false, LOW_STOCK_UNITS);
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, statement.values);
  return plan.rows.some((r) => r['QUERY PLAN'].includes('product_search_body'));
}

export const run: Benchmark = async ({ seconds }) => {
  progress('starting catalog and the gateway');
  const stack = await SuiteStack.start({ name: 'bench-catalog-search', services: ['catalog', 'gateway'], env: { LOG_LEVEL: 'warn' } });
  const db = new Pool({ connectionString: stack.databaseUrl, max: CONCURRENCY, options: '-c search_path=catalog' });
  db.on('error', () => undefined);
  try {
    progress(`importing ${PRODUCTS} products`);
    const started = Date.now();
    await seed(stack);
    const importSeconds = (Date.now() - started) / 1000;
    await db.query('ANALYZE');
    const [explainOffice, explainCode] = [await usesTrigramIndex(db, 'office'), await usesTrigramIndex(db, 'LX-BAG-01')];
    progress('restoring the old product layout beside the new one, for the baseline');
    for (const statement of RESTORE_OLD_LAYOUT) await db.query(statement);

    const perSide = Math.ceil(seconds * 4000 + ROUNDS * 2000);
    const [gatewaySide, bareSide, oldSide] = [
      new Side(searches(1, perSide, 0)),
      new Side(searches(2, perSide, perSide)),
      new Side(searches(3, perSide, 2 * perSide)),
    ];
    const roundMs = (seconds * 1000) / ROUNDS;
    const http = httpPool(stack.gatewayUrl, CONCURRENCY);
    const viaGateway = gatewayTask(http);
    let cpuMs = 0;
    try {
      for (let r = 1; r <= ROUNDS; r++) {
        progress(`round ${r}/${ROUNDS}: through the gateway, the bare statement, the old statement (${roundMs / 1000}s each)`);
        const cpu = startCpuSpan();
        await gatewaySide.round(roundMs, viaGateway);
        cpuMs += cpu.stop();
        await bareSide.round(roundMs, async (s) => {
          // Prepared by name on each connection, as the catalog runs it.
          await db.query(searchStatement(args(s), false, LOW_STOCK_UNITS));
          return true;
        });
        await oldSide.round(roundMs, async (s) => {
          const { rows } = await db.query<{ id: string }>(OLD_STATEMENT, oldParameters(s));
          await db.query(OLD_PRODUCTS, [rows.map((row) => row.id)]);
          return true;
        });
      }
    } finally {
      await http.close();
    }
    const [gateway, bare, old] = [gatewaySide.result(), bareSide.result(), oldSide.result()];

    return {
      bench: 'catalog-search',
      metric: 'searches_per_second',
      value: gateway.perSecond,
      baseline: old.perSecond,
      limit: bare.perSecond,
      // The warm-up searches of each gateway round are inside the CPU span too.
      cpu_ms_per_unit: cpuPerUnit(cpuMs, gatewaySide.sent),
      p50_ms: gateway.p50Ms,
      p99_ms: gateway.p99Ms,
      baseline_p50_ms: old.p50Ms,
      baseline_p99_ms: old.p99Ms,
      limit_p50_ms: bare.p50Ms,
      limit_p99_ms: bare.p99Ms,
      baseline_side: 'old LIKE ALL statement + product read, straight to PostgreSQL',
      limit_side: 'new search statement, straight to PostgreSQL',
      trigram_index_used: { office: explainOffice, 'LX-BAG-01': explainCode },
      failed: gateway.failed + bare.failed + old.failed,
      products: PRODUCTS,
      import_products_per_second: Math.round(PRODUCTS / importSeconds),
      concurrency: CONCURRENCY,
      seconds,
      rounds: ROUNDS,
    };
  } finally {
    await db.end();
    await stack.stop();
  }
};
