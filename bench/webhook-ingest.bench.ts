/**
 * Signed order webhooks per second accepted durably (stored, outbox written, 202) and delivered
 * to a consumer (analytics' channel-event store), against a bare Fastify endpoint that only
 * enqueues to BullMQ and a worker that only counts. Both sides: separate processes, same load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { loadConnectionConfig } from '@shopops/platform';
import { devWebhookSecret, freePort, orderData, signDelivery, SuiteStack } from '@shopops/testing';
import { httpPool, postJson } from './lib/http';
import { closedLoop, round, type LoadResult } from './lib/load';
import { progress, type Benchmark } from './lib/report';

const CONCURRENCY = 32;

interface SideResult {
  readonly accepted: LoadResult;
  readonly deliveredPerSecond: number;
}

async function driveWebhooks(origin: string, seconds: number, delivered: () => Promise<number>): Promise<SideResult> {
  const pool = httpPool(origin, CONCURRENCY);
  const secret = devWebhookSecret('taobao');
  const run = randomBytes(3).toString('hex');
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
  const deadline = Date.now() + 180_000;
  let count = await delivered();
  while (count < accepted.completed && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    count = await delivered();
  }
  const seconds_ = (performance.now() - started) / 1000;
  await pool.close();
  if (count < accepted.completed) throw new Error(`only ${count} of ${accepted.completed} webhooks were delivered`);
  return { accepted, deliveredPerSecond: round(count / seconds_, 1) };
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
    const child = spawn(process.execPath, [...process.execArgv, join(__dirname, 'lib', 'bare-enqueue.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`baseline ${args[0]} exited ${code}`)));
  });
}

async function measureBaseline(seconds: number): Promise<SideResult> {
  const port = await freePort();
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const server = await startChild(['server', String(port), prefix]);
  const worker = await startChild(['worker', prefix]);
  const redis = new IORedis(loadConnectionConfig(process.env).redisUrl);
  try {
    progress(`driving the bare enqueue endpoint for ${seconds}s`);
    return await driveWebhooks(`http://127.0.0.1:${port}`, seconds, async () => Number((await redis.get(`${prefix}:bare-delivered`)) ?? 0));
  } finally {
    server.kill('SIGKILL');
    worker.kill('SIGKILL');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

export const run: Benchmark = async ({ seconds }) => {
  const ours = await measureShopOps(seconds);
  const baseline = await measureBaseline(seconds);
  return {
    bench: 'webhook-ingest',
    metric: 'webhooks_delivered_per_second',
    value: ours.deliveredPerSecond,
    baseline: baseline.deliveredPerSecond,
    accepted_per_second: ours.accepted.perSecond,
    baseline_accepted_per_second: baseline.accepted.perSecond,
    p50_ms: ours.accepted.p50Ms,
    p99_ms: ours.accepted.p99Ms,
    baseline_p50_ms: baseline.accepted.p50Ms,
    baseline_p99_ms: baseline.accepted.p99Ms,
    failed: ours.accepted.failed,
    concurrency: CONCURRENCY,
    seconds,
  };
};
