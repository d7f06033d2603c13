/**
 * Behaviour events per second through POST /events in 1,000-event batches — accepted by the
 * gateway and stored (with rollups) by analytics — against inserting the same events one
 * statement each. Then the default funnel's query time over 1 million stored events.
 */
import { randomBytes } from 'node:crypto';
import { SuiteStack, tokenFor } from '@shopops/testing';
import { httpPool, postJson } from './lib/http';
import { closedLoop, percentile, round } from './lib/load';
import { progress, type Benchmark } from './lib/report';

const BATCH = 1000;
const CONCURRENCY = 4;
const FUNNEL_EVENTS = 1_000_000;
const TYPES = ['search', 'click', 'product_view', 'add_to_cart', 'order', 'payment'];

function batch(run: string, caller: number, i: number): string {
  const day = `2026-11-${String(1 + ((caller + i) % 20)).padStart(2, '0')}`;
  const events = Array.from({ length: BATCH }, (_, k) => ({
    eventId: `ev-${run}-${caller}-${i}-${k}`,
    type: TYPES[k % TYPES.length],
    occurredAt: `${day}T1${k % 10}:00:00+08:00`,
    anonymousId: `v-${(i * BATCH + k) % 50_000}`,
    channel: 'mall',
    device: k % 3 ? 'mobile' : 'pc',
    source: k % 4 ? 'organic_search' : 'kol',
    skuCode: `SKU-${k % 500}`,
  }));
  return JSON.stringify({ events });
}

export const run: Benchmark = async ({ seconds }) => {
  progress('starting gateway and analytics');
  const stack = await SuiteStack.start({ name: 'bench-event-ingest', services: ['gateway', 'analytics'], env: { LOG_LEVEL: 'warn' } });
  const db = stack.db();
  try {
    const pool = httpPool(stack.gatewayUrl, CONCURRENCY);
    const headers = { authorization: `Bearer ${tokenFor('analyst')}` };
    const runId = randomBytes(3).toString('hex');
    progress(`posting ${BATCH}-event batches from ${CONCURRENCY} clients for ${seconds}s`);
    const started = performance.now();
    const accepted = await closedLoop({
      concurrency: CONCURRENCY,
      durationMs: seconds * 1000,
      task: async (caller, i) => (await postJson(pool, '/events', batch(runId, caller, i), headers)).status === 202,
    });
    await pool.close();
    const expected = accepted.completed * BATCH;
    const stored = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM analytics.tracked_event`)).rows[0].n);
    let count = await stored();
    const deadline = Date.now() + 300_000;
    while (count < expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      count = await stored();
    }
    const storedPerSecond = round(count / ((performance.now() - started) / 1000), 1);
    if (count < expected) throw new Error(`only ${count} of ${expected} events were stored`);

    progress(`baseline: one INSERT per event for ${seconds}s`);
    await db.query(`CREATE TABLE analytics.bench_event (LIKE analytics.tracked_event INCLUDING DEFAULTS)`);
    let inserted = 0;
    const baselineStart = performance.now();
    while (performance.now() - baselineStart < seconds * 1000) {
      await db.query(
        `INSERT INTO analytics.bench_event (event_id, type, occurred_at, day, visitor_id, channel, device, source, sku_code, client_id) VALUES ($1, 'product_view', now(), current_date, $2, 'mall', 'mobile', 'organic_search', 'SKU-1', 'bench')`,
        [`b-${inserted}`, `v-${inserted % 50_000}`],
      );
      inserted++;
    }
    const baselinePerSecond = round(inserted / ((performance.now() - baselineStart) / 1000), 1);

    progress(`loading ${FUNNEL_EVENTS} events for the funnel`);
    await db.query(`TRUNCATE analytics.tracked_event`);
    await db.query(
      `INSERT INTO analytics.tracked_event (event_id, type, occurred_at, day, visitor_id, channel, device, source, client_id)
       SELECT 'f-' || g, (ARRAY['search','click','product_view','add_to_cart','order','payment'])[1 + least(5, floor(-ln(random()) * 1.2)::int)],
              timestamptz '2026-11-10 10:00+08' + (g % 86400) * interval '1 second', date '2026-11-10', 'v-' || (g % 200000),
              'mall', CASE WHEN g % 3 = 0 THEN 'pc' ELSE 'mobile' END, 'organic_search', 'bench'
         FROM generate_series(1, $1) AS g`,
      [FUNNEL_EVENTS],
    );
    await db.query(`ANALYZE analytics.tracked_event`);
    const gql = httpPool(stack.gatewayUrl, 1);
    const body = JSON.stringify({ query: `{ funnel(input: { from: "2026-11-10", to: "2026-11-10", breakdown: DEVICE }) { segment steps { visitors } } }` });
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const response = await postJson(gql, '/graphql', body, headers);
      if (response.status !== 200 || response.body.includes('"errors"')) throw new Error(`funnel failed: ${response.body.slice(0, 300)}`);
      timings.push(performance.now() - t);
    }
    await gql.close();
    timings.sort((a, b) => a - b);
    return {
      bench: 'event-ingest',
      metric: 'events_per_second',
      value: storedPerSecond,
      baseline: baselinePerSecond,
      accepted_per_second: round((accepted.completed * BATCH) / seconds, 1),
      batch_p99_ms: accepted.p99Ms,
      funnel_events: FUNNEL_EVENTS,
      funnel_median_ms: round(percentile(timings, 50), 1),
      funnel_max_ms: round(timings[timings.length - 1], 1),
      seconds,
    };
  } finally {
    await stack.stop();
  }
};
