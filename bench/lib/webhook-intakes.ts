/**
 * The webhook-ingest baseline: a bare Fastify endpoint that only enqueues the body to BullMQ
 * (no signature check, no database), and a worker that only counts what it receives.
 * Arguments: `server <port> <prefix>` or `worker <prefix>` (run from sources like every bench file).
 */
import { Queue, Worker } from 'bullmq';
import Fastify from 'fastify';
import IORedis from 'ioredis';
import { loadConnectionConfig } from '@shopops/platform';

const [role, a, b] = process.argv.slice(2);
const { redisUrl } = loadConnectionConfig(process.env);

async function server(port: number, prefix: string): Promise<void> {
  const queue = new Queue('bare-webhooks', { connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }), prefix });
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_r, body, done) => done(null, body));
  app.post('/webhooks/:source', async (request, reply) => {
    await queue.add('webhook', { body: (request.body as Buffer).toString('utf8') }, { removeOnComplete: true });
    return reply.code(202).send({ accepted: true });
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write('ready\n');
}

function worker(prefix: string): void {
  const counter = new IORedis(redisUrl);
  const worker = new Worker(
    'bare-webhooks',
    async () => {
      await counter.incr(`${prefix}:bare-delivered`);
    },
    { connection: new IORedis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: 64 },
  );
  worker.on('ready', () => process.stdout.write('ready\n'));
}

if (role === 'server') void server(Number(a), String(b));
else worker(String(a));
