/**
 * The default funnel (search → click → view → cart → order → payment, one day, by device) over
 * 1 million stored events, asked through the gateway: funnels per second from the median of
 * several runs. Baseline: the straightforward SQL over the raw events — each step the visitor's
 * first matching event after the previous one, looked up per visitor (LATERAL), with the
 * per-visitor index that query needs. Limit: a bare count(*) of the same step events.
 */
import type { Pool } from 'pg';
import { SuiteStack, tokenFor } from '@shopops/testing';
import { startCpuSpan } from './lib/cpu';
import { httpPool, postJson } from './lib/http';
import { percentile, round } from './lib/load';
import { cpuPerUnit, progress, type Benchmark } from './lib/report';

const EVENTS = 1_000_000;
const RUNS = 7;
const BASELINE_RUNS = 3;
const STEPS = ['search', 'click', 'product_view', 'add_to_cart', 'order', 'payment'];
const DAY = '2026-11-10';

/** The funnel as one would first write it: one LATERAL lookup per visitor and step. */
function straightforwardSql(): string {
  const ctes = STEPS.map((_, i) =>
    i === 0
      ? `s0 AS (SELECT DISTINCT ON (visitor_id) visitor_id, device AS segment, occurred_at AS start, occurred_at AS t, NULL::float AS dt
               FROM analytics.tracked_event WHERE type = $4 AND day BETWEEN $1 AND $2 ORDER BY visitor_id, occurred_at)`
      : `s${i} AS (SELECT p.visitor_id, p.segment, p.start, n.t, extract(epoch FROM n.t - p.t)::float AS dt FROM s${i - 1} p
               CROSS JOIN LATERAL (SELECT min(e.occurred_at) AS t FROM analytics.tracked_event e WHERE e.visitor_id = p.visitor_id AND e.type = $${i + 4}
                 AND e.occurred_at >= p.t AND e.occurred_at <= p.start + $3 * interval '1 minute' AND e.day BETWEEN $1 AND ($2::date + 31)) n
               WHERE n.t IS NOT NULL)`,
  );
  const selects = STEPS.map(
    (_, i) => `SELECT ${i} AS step, segment, count(*)::int AS visitors, percentile_cont(0.5) WITHIN GROUP (ORDER BY dt) AS median FROM s${i} GROUP BY segment`,
  );
  return `WITH ${ctes.join(',\n')} ${selects.join(' UNION ALL ')}`;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ timings: number[]; cpuMs: number }> {
  const timings: number[] = [];
  const span = startCpuSpan();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    timings.push(performance.now() - t);
  }
  const cpuMs = span.stop();
  return { timings: timings.sort((a, b) => a - b), cpuMs };
}

async function load(db: Pool): Promise<void> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS analytics.tracked_event_2026_11 PARTITION OF analytics.tracked_event FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')`,
  );
  // Step types thinning out along the funnel; each of 200,000 visitors has about five events that day.
  await db.query(
    `INSERT INTO analytics.tracked_event (event_id, type, occurred_at, day, visitor_id, channel, device, source, client_id)
     SELECT 'f-' || g, (ARRAY['search','click','product_view','add_to_cart','order','payment'])[1 + least(5, floor(-ln(1 - random()) * 1.2)::int)],
            timestamptz '2026-11-10 10:00+08' + (g % 86400) * interval '1 second', date '2026-11-10', 'a:v-' || (g % 200000),
            'mall', CASE WHEN g % 3 = 0 THEN 'pc' ELSE 'mobile' END, 'organic_search', 'bench'
       FROM generate_series(1, $1) AS g`,
    [EVENTS],
  );
  // What autovacuum would have done by then: statistics, and the visibility map index-only scans rely on.
  await db.query(`VACUUM ANALYZE analytics.tracked_event`);
}

export const run: Benchmark = async () => {
  progress('starting gateway and analytics');
  const stack = await SuiteStack.start({ name: 'bench-funnel', services: ['gateway', 'analytics'], env: { LOG_LEVEL: 'warn' } });
  const db = stack.db();
  try {
    progress(`loading ${EVENTS} events`);
    await load(db);
    const gql = httpPool(stack.gatewayUrl, 1);
    const headers = { authorization: `Bearer ${tokenFor('analyst')}` };
    const body = JSON.stringify({
      query: `{ funnel(input: { from: "${DAY}", to: "${DAY}", breakdown: DEVICE }) { segment steps { step visitors medianSecondsFromPrevious } } }`,
    });
    const ask = async () => {
      const response = await postJson(gql, '/graphql', body, headers);
      if (response.status !== 200 || response.body.includes('"errors"')) throw new Error(`funnel failed: ${response.body.slice(0, 300)}`);
      return response.body;
    };
    await ask();
    progress(`the funnel through the gateway, ${RUNS} runs`);
    const value = await timed(RUNS, ask);
    await gql.close();

    progress(`limit: count(*) of the step events, ${RUNS} runs`);
    const limit = await timed(RUNS, () =>
      db.query(`SELECT count(*) FROM analytics.tracked_event WHERE type = ANY ($1) AND day BETWEEN $2 AND $2`, [STEPS, DAY]),
    );

    progress(`baseline: the straightforward SQL, ${BASELINE_RUNS} runs`);
    await db.query(`CREATE INDEX bench_tracked_event_visitor ON analytics.tracked_event (visitor_id, occurred_at)`);
    await db.query(`ANALYZE analytics.tracked_event`);
    const baseline = await timed(BASELINE_RUNS, () => db.query(straightforwardSql(), [DAY, DAY, 1440, ...STEPS]));
    await db.query(`DROP INDEX analytics.bench_tracked_event_visitor`);

    const median = (t: number[]) => percentile(t, 50);
    return {
      bench: 'funnel',
      metric: 'funnels_per_second',
      value: round(1000 / median(value.timings), 3),
      baseline: round(1000 / median(baseline.timings), 3),
      limit: round(1000 / median(limit.timings), 3),
      cpu_ms_per_unit: cpuPerUnit(value.cpuMs, RUNS),
      p50_ms: round(median(value.timings), 1),
      p99_ms: round(value.timings[value.timings.length - 1], 1),
      baseline_p50_ms: round(median(baseline.timings), 1),
      baseline_p99_ms: round(baseline.timings[baseline.timings.length - 1], 1),
      baseline_cpu_ms_per_unit: cpuPerUnit(baseline.cpuMs, BASELINE_RUNS),
      limit_p50_ms: round(median(limit.timings), 1),
      limit_cpu_ms_per_unit: cpuPerUnit(limit.cpuMs, RUNS),
      events: EVENTS,
      runs: RUNS,
    };
  } finally {
    await stack.stop();
  }
};
