/**
 * Signed order webhooks taken durably, 32 senders at a time:
 * - value: ShopOps' intake (signature, envelope, PII sealing, delivery and outbox event stored
 *   in one transaction before the 202), with its delivery to a consumer (analytics);
 * - baseline: the durable intake a team would build (bench/lib/webhook-intakes.ts): Fastify,
 *   HMAC check, one INSERT per delivery into PostgreSQL, a BullMQ job, 202 after the commit, and
 *   a worker storing each delivery's event;
 * - limit: Fastify and the same HMAC check answering 202, storing nothing.
 * `value`, `baseline` and `limit` are deliveries answered 202 per second; `*_delivered_per_second`
 * is the rate at which they reached the consumer (from the first request until the last stored).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { loadConnectionConfig } from '@shopops/platform';
import { createDatabase, databaseUrl, devWebhookSecret, dropDatabase, freePort, orderData, signDelivery, SuiteStack, uniqueName } from '@shopops/testing';
import { startCpuSpan } from './lib/cpu';
import { httpPool, postJson } from './lib/http';
import { closedLoop, round, type LoadResult } from './lib/load';
import { cpuPerUnit, progress, type Benchmark } from './lib/report';
import { BASELINE_SCHEMA } from './lib/webhook-intakes';

const CONCURRENCY = 32;

interface SideResult {
  readonly accepted: LoadResult;
  readonly deliveredPerSecond: number;
  /** Server CPU from the first request until the last delivery was stored (or the last 202 when nothing is delivered), per delivery. */
  readonly cpuMsPerUnit: number;
}

/** Drives signed deliveries for `seconds`; when `delivered` is given, waits until every accepted delivery reached the consumer. */
async function driveWebhooks(origin: string, seconds: number, delivered?: () => Promise<number>): Promise<SideResult> {
  const pool = httpPool(origin, CONCURRENCY);
  const secret = devWebhookSecret('taobao');
  const run = randomBytes(3).toString('hex');
  const span = startCpuSpan();
  const started = performance.now();
  const accepted = await closedLoop({
    concurrency: CONCURRENCY,
    durationMs: seconds * 1000,
    task: async (caller, i) => {
      const body = JSON.stringify({ type: 'order.created', occurredAt: new Date().toISOString(), data: orderData(`B${run}-${caller}-${i}`) });
      const delivery = signDelivery(body, { secret });
      const response = await postJson(pool, '/webhooks/taobao', body, delivery.headers);
      return response.status === 202;
    },
  });
  await pool.close();
  if (!delivered) return { accepted, deliveredPerSecond: 0, cpuMsPerUnit: cpuPerUnit(span.stop(), accepted.completed) };
  const deadline = Date.now() + 180_000;
  let count = await delivered();
  while (count < accepted.completed && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    count = await delivered();
  }
  const cpuMs = span.stop();
  const elapsed = (performance.now() - started) / 1000;
  if (count < accepted.completed) throw new Error(`only ${count} of ${accepted.completed} webhooks were delivered`);
  return { accepted, deliveredPerSecond: round(count / elapsed, 1), cpuMsPerUnit: cpuPerUnit(cpuMs, count) };
}

async function measureShopOps(seconds: number): Promise<SideResult> {
  progress('starting gateway and analytics');
  const stack = await SuiteStack.start({
    name: 'bench-webhook-ingest',
    services: ['gateway', 'analytics'],
    env: { LOG_LEVEL: 'warn', WORKER_CONCURRENCY: '64', OUTBOX_POLL_MS: '50' },
  });
  try {
    progress(`driving ${CONCURRENCY} signed senders for ${seconds}s through the gateway`);
    const db = stack.db();
    return await driveWebhooks(stack.gatewayUrl, seconds, async () => {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM analytics.channel_event');
      return Number(rows[0].n);
    });
  } finally {
    await stack.stop();
  }
}

function startChild(args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(__dirname, 'lib', 'webhook-intakes.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited ${code}`)));
  });
}

async function measureBaseline(seconds: number): Promise<SideResult> {
  const database = await createDatabase(uniqueName('bench_webhooks'));
  const url = databaseUrl(database);
  const db = new Pool({ connectionString: url, max: 1 });
  const port = await freePort();
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const children: ChildProcess[] = [];
  const redis = new IORedis(loadConnectionConfig(process.env).redisUrl);
  try {
    for (const statement of BASELINE_SCHEMA) await db.query(statement);
    children.push(await startChild(['durable', String(port), prefix, url]), await startChild(['worker', prefix, url]));
    progress(`driving the durable intake a team would build for ${seconds}s`);
    return await driveWebhooks(`http://127.0.0.1:${port}`, seconds, async () => {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM channel_event');
      return Number(rows[0].n);
    });
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await db.end();
    await dropDatabase(database);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

async function measureLimit(seconds: number): Promise<SideResult> {
  const port = await freePort();
  const server = await startChild(['hmac', String(port)]);
  try {
    progress(`driving the bare HMAC endpoint for ${seconds}s`);
    return await driveWebhooks(`http://127.0.0.1:${port}`, seconds);
  } finally {
    server.kill('SIGKILL');
  }
}

export const run: Benchmark = async ({ seconds }) => {
  const ours = await measureShopOps(seconds);
  const baseline = await measureBaseline(seconds);
  const limit = await measureLimit(seconds);
  return {
    bench: 'webhook-ingest',
    metric: 'webhooks_accepted_durably_per_second',
    value: ours.accepted.perSecond,
    baseline: baseline.accepted.perSecond,
    limit: limit.accepted.perSecond,
    cpu_ms_per_unit: ours.cpuMsPerUnit,
    p50_ms: ours.accepted.p50Ms,
    p99_ms: ours.accepted.p99Ms,
    baseline_p50_ms: baseline.accepted.p50Ms,
    baseline_p99_ms: baseline.accepted.p99Ms,
    delivered_per_second: ours.deliveredPerSecond,
    baseline_delivered_per_second: baseline.deliveredPerSecond,
    baseline_cpu_ms_per_unit: baseline.cpuMsPerUnit,
    limit_p50_ms: limit.accepted.p50Ms,
    limit_p99_ms: limit.accepted.p99Ms,
    limit_cpu_ms_per_unit: limit.cpuMsPerUnit,
    target_of_limit: 0.5,
    failed: ours.accepted.failed + baseline.accepted.failed + limit.accepted.failed,
    concurrency: CONCURRENCY,
    seconds,
  };
};
