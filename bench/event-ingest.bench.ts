/**
 * Behaviour events per second through POST /events in 1,000-event batches, counted once they are
 * stored and queryable in analytics (de-duplicated by event id, rollups updated) — against what
 * a user would otherwise build at the same concurrency and durability: each batch one plain
 * multi-row INSERT … ON CONFLICT (event_id) DO NOTHING into a table keyed by event id with the
 * same funnel index; and the physical floor: COPY of the same rows into the event table itself
 * (same partitions and indexes, no de-duplication), from as many senders.
 */
import { randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { SuiteStack, tokenFor } from '@shopops/testing';
import { startCpuSpan } from './lib/cpu';
import { copyField, copyFrom } from './lib/copy';
import { httpPool, postJson } from './lib/http';
import { closedLoop, round, type LoadResult } from './lib/load';
import { cpuPerUnit, progress, type Benchmark } from './lib/report';

const BATCH = 1000;
const CONCURRENCY = 4;
const TYPES = ['search', 'click', 'product_view', 'add_to_cart', 'order', 'payment'];

interface BenchEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  anonymousId: string;
  channel: string;
  device: string;
  source: string;
  skuCode: string;
}

function batch(run: string, caller: number, i: number): BenchEvent[] {
  const day = `2026-11-${String(1 + ((caller + i) % 20)).padStart(2, '0')}`;
  return Array.from({ length: BATCH }, (_, k) => ({
    eventId: `ev-${run}-${caller}-${i}-${k}`,
    type: TYPES[k % TYPES.length],
    occurredAt: `${day}T1${k % 10}:00:00+08:00`,
    anonymousId: `v-${(i * BATCH + k) % 50_000}`,
    channel: 'mall',
    device: k % 3 ? 'mobile' : 'pc',
    source: k % 4 ? 'organic_search' : 'kol',
    skuCode: `SKU-${k % 500}`,
  }));
}

/** Columns both direct sides write, with the shop-calendar day the store derives. */
const COLUMNS = 'event_id, type, occurred_at, day, visitor_id, channel, device, source, sku_code, client_id';
const rowOf = (e: BenchEvent) => [
  e.eventId,
  e.type,
  e.occurredAt,
  e.occurredAt.slice(0, 10),
  `a:${e.anonymousId}`,
  e.channel,
  e.device,
  e.source,
  e.skuCode,
  'bench',
];

/** `CONCURRENCY` connections of the stack's pool, each running `write` back to back for `seconds`. */
async function direct(db: Pool, seconds: number, write: (client: PoolClient, rows: BenchEvent[]) => Promise<unknown>, run: string) {
  const clients: PoolClient[] = await Promise.all(Array.from({ length: CONCURRENCY }, () => db.connect()));
  try {
    const span = startCpuSpan();
    const load = await closedLoop({
      concurrency: CONCURRENCY,
      durationMs: seconds * 1000,
      task: (caller, i) => write(clients[caller], batch(run, caller, i)).then(() => true),
    });
    return { load, cpuMs: span.stop() };
  } finally {
    for (const client of clients) client.release();
  }
}

const perSecond = (load: LoadResult) => round((load.completed * BATCH) / load.seconds, 1);

export const run: Benchmark = async ({ seconds }) => {
  progress('starting gateway and analytics');
  const stack = await SuiteStack.start({ name: 'bench-event-ingest', services: ['gateway', 'analytics'], env: { LOG_LEVEL: 'warn' } });
  const db = stack.db();
  try {
    const pool = httpPool(stack.gatewayUrl, CONCURRENCY);
    const headers = { authorization: `Bearer ${tokenFor('analyst')}` };
    const runId = randomBytes(3).toString('hex');
    const stored = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM analytics.tracked_event`)).rows[0].n);
    // One batch first, so the month's partition exists and the services are warm.
    await postJson(pool, '/events', JSON.stringify({ events: batch(`${runId}w`, 0, 0) }), headers);
    while ((await stored()) < BATCH) await new Promise((r) => setTimeout(r, 100));

    progress(`posting ${BATCH}-event batches from ${CONCURRENCY} clients for ${seconds}s`);
    const span = startCpuSpan();
    const started = performance.now();
    const accepted = await closedLoop({
      concurrency: CONCURRENCY,
      durationMs: seconds * 1000,
      task: async (caller, i) => (await postJson(pool, '/events', JSON.stringify({ events: batch(runId, caller, i) }), headers)).status === 202,
    });
    await pool.close();
    const expected = BATCH + accepted.completed * BATCH;
    let count = await stored();
    const deadline = Date.now() + 300_000;
    while (count < expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      count = await stored();
    }
    const elapsed = (performance.now() - started) / 1000;
    const cpuMs = span.stop();
    if (count < expected) throw new Error(`only ${count} of ${expected} events were stored`);
    const value = round((count - BATCH) / elapsed, 1);

    progress(`baseline: one INSERT … ON CONFLICT DO NOTHING per batch from ${CONCURRENCY} connections for ${seconds}s`);
    await db.query(`CREATE TABLE analytics.bench_plain_event (LIKE analytics.tracked_event INCLUDING DEFAULTS, PRIMARY KEY (event_id))`);
    await db.query(`CREATE INDEX ON analytics.bench_plain_event (type, day, visitor_id, occurred_at) INCLUDE (channel, device)`);
    const placeholders = Array.from({ length: BATCH }, (_, r) => `(${Array.from({ length: 10 }, (_, c) => `$${r * 10 + c + 1}`).join(', ')})`).join(', ');
    const insert = `INSERT INTO analytics.bench_plain_event (${COLUMNS}) VALUES ${placeholders} ON CONFLICT (event_id) DO NOTHING`;
    const baseline = await direct(db, seconds, (client, rows) => client.query(insert, rows.flatMap(rowOf)), `${runId}b`);

    progress(`limit: COPY into the event table from ${CONCURRENCY} connections for ${seconds}s`);
    const limit = await direct(
      db,
      seconds,
      (client, rows) =>
        copyFrom(client, `COPY analytics.tracked_event (${COLUMNS}) FROM STDIN`, rows.map((e) => rowOf(e).map(copyField).join('\t')).join('\n') + '\n'),
      `${runId}l`,
    );
    return {
      bench: 'event-ingest',
      metric: 'events_per_second',
      value,
      baseline: perSecond(baseline.load),
      limit: perSecond(limit.load),
      cpu_ms_per_unit: cpuPerUnit(cpuMs, count - BATCH),
      p50_ms: accepted.p50Ms,
      p99_ms: accepted.p99Ms,
      baseline_p50_ms: baseline.load.p50Ms,
      baseline_p99_ms: baseline.load.p99Ms,
      baseline_cpu_ms_per_unit: cpuPerUnit(baseline.cpuMs, baseline.load.completed * BATCH),
      limit_p50_ms: limit.load.p50Ms,
      limit_p99_ms: limit.load.p99Ms,
      limit_cpu_ms_per_unit: cpuPerUnit(limit.cpuMs, limit.load.completed * BATCH),
      accepted_per_second: round((accepted.completed * BATCH) / accepted.seconds, 1),
      batch_size: BATCH,
      concurrency: CONCURRENCY,
      seconds,
    };
  } finally {
    await stack.stop();
  }
};
