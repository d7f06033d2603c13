/**
 * The `webhook-ingest` comparison points, each its own process:
 * - `durable <port> <prefix> <database url>`: the durable intake a team would build — Fastify,
 *   the Standard Webhooks HMAC check, one INSERT of the delivery per request (a duplicate id
 *   answers 200), then a BullMQ job; 202 once the row is committed and the job queued;
 * - `worker <prefix> <database url>`: its consumer, storing each delivery's event in a table;
 * - `hmac <port>`: the floor — Fastify and the same HMAC check answering 202, storing nothing.
 * Run from sources like every bench file; prints "ready" once listening.
 */
import { Queue, Worker } from 'bullmq';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { webhookSigningKey } from '@shopops/contracts';
import { loadConnectionConfig } from '@shopops/platform';
import { devWebhookSecret } from '@shopops/testing';
import { verifyWebhookSignature } from '../../apps/gateway/src/webhooks/webhook-signature';

/** The gateway's default pool size (DB_POOL_SIZE), so both intakes have as many connections. */
const POOL_SIZE = 10;
const TOLERANCE_SECONDS = 300;
const QUEUE = 'baseline-webhooks';

export const BASELINE_SCHEMA = [
  `CREATE TABLE webhook_delivery (source text NOT NULL, delivery_id text NOT NULL, body jsonb NOT NULL,
     received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (source, delivery_id))`,
  `CREATE TABLE channel_event (source text NOT NULL, delivery_id text NOT NULL, type text NOT NULL, body jsonb NOT NULL,
     stored_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (source, delivery_id))`,
];

const { redisUrl } = loadConnectionConfig(process.env);
const keys = [webhookSigningKey(devWebhookSecret('taobao')) as Buffer];

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The HMAC check both intakes make; answers the refusal itself and returns undefined when the delivery is not signed right. */
function checked(request: FastifyRequest, reply: FastifyReply): { id: string; body: Buffer; type: string } | undefined {
  const body = request.body as Buffer;
  const id = header(request, 'webhook-id');
  const signature = verifyWebhookSignature(
    keys,
    { id, timestamp: header(request, 'webhook-timestamp'), signature: header(request, 'webhook-signature') },
    body,
    TOLERANCE_SECONDS,
  );
  if (!signature.ok) {
    void reply.code(401).send({ error: signature.error });
    return undefined;
  }
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { type?: unknown };
    if (typeof parsed.type !== 'string') throw new Error('type missing');
    return { id: id as string, body, type: parsed.type };
  } catch {
    void reply.code(400).send({ error: 'body is not a JSON envelope with a type' });
    return undefined;
  }
}

async function listen(port: number, handle: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): Promise<void> {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
  app.post('/webhooks/:source', handle);
  await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write('ready\n');
}

async function durable(port: number, prefix: string, databaseUrl: string): Promise<void> {
  const db = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  const queue = new Queue(QUEUE, { connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }), prefix });
  await listen(port, async (request, reply) => {
    const delivery = checked(request, reply);
    if (!delivery) return reply;
    const source = (request.params as { source: string }).source;
    const inserted = await db.query('INSERT INTO webhook_delivery (source, delivery_id, body) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      source,
      delivery.id,
      delivery.body.toString('utf8'),
    ]);
    if (inserted.rowCount === 0) return reply.code(200).send({ duplicate: true });
    await queue.add('webhook', { source, id: delivery.id, type: delivery.type, body: delivery.body.toString('utf8') }, { removeOnComplete: true, attempts: 5 });
    return reply.code(202).send({ accepted: true });
  });
}

function worker(prefix: string, databaseUrl: string): void {
  const db = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });
  const consumer = new Worker<{ source: string; id: string; type: string; body: string }>(
    QUEUE,
    async (job) => {
      const { source, id, type, body } = job.data;
      await db.query('INSERT INTO channel_event (source, delivery_id, type, body) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [source, id, type, body]);
    },
    { connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: 64 },
  );
  consumer.on('ready', () => process.stdout.write('ready\n'));
}

async function hmac(port: number): Promise<void> {
  await listen(port, async (request, reply) => {
    if (!checked(request, reply)) return reply;
    return reply.code(202).send({ accepted: true });
  });
}

if (require.main === module) {
  const [role, a, b, c] = process.argv.slice(2);
  if (role === 'durable') void durable(Number(a), String(b), String(c));
  else if (role === 'worker') worker(String(a), String(b));
  else if (role === 'hmac') void hmac(Number(a));
  else throw new Error(`unknown role ${role}`);
}
