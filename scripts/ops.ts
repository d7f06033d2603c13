/**
 * Queue operations and reconciliation: `npm run ops -- <command>`; `npm run ops -- --help`
 * prints the commands (USAGE below).
 */
import { deadLetterQueueName, eventQueueName, isServiceName, SERVICE_NAMES } from '@shopops/contracts';
import { loadConnectionConfig, redisOptions, type DeadLetter } from '@shopops/platform';
import { Job, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { signBearerToken } from '@shopops/platform';
import { loadJwtSecret } from '../apps/gateway/src/gateway.config';
import { findAfterSalesDifferences, findDifferences, resendOrderEvents } from './reconcile/reconciliation';

const USAGE = `usage: npm run ops -- <command> [--json]
  queues                            counts of every service queue and its dead letters
  dead-letters <queue> [--limit N]  what failed, why, after how many attempts
  retry <queue> [jobId]             replay dead letters (all, or one) onto their queue
  drain <service>                   pause the service's queue: workers finish in-flight jobs, take no new
  resume <service>                  take jobs again
  reconcile [--hours N] [--repair]  check recent channel orders across services (reservation, points, counted sale and
                                 refunds, customer service's status), returns only on shipped orders, every refund
                                 customer service issued counted, and stock against the ledger;
                                    --repair re-sends the orders' events and rebuilds stock levels
<queue> is a service (inventory) or a queue (inventory-events). Uses REDIS_URL and QUEUE_PREFIX
(reconcile also DATABASE_URL, GATEWAY_URL and JWT_SECRET). --json: machine-readable output.
`;

const args = process.argv.slice(2);
const json = args.includes('--json');
const positional = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] === '--limit') && !(args[i - 1] === '--hours'));
const [command, target, jobId] = positional;
if (args.includes('--help') || args.includes('-h') || command === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
const connections = loadConnectionConfig(process.env);
const connection = new IORedis(redisOptions(connections.redisUrl, { maxRetriesPerRequest: null }));
const prefix = connections.queuePrefix;
const queues: Queue[] = [];

function queue(name: string): Queue {
  const q = new Queue(name, { connection, prefix });
  queues.push(q);
  return q;
}

function print(human: string, data: unknown): void {
  process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${human}\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** `inventory` or `inventory-events` → `inventory-events`. */
function queueName(value: string | undefined): string {
  if (!value) fail('name a queue: a service (inventory) or a queue (inventory-events)');
  if (isServiceName(value)) return eventQueueName(value);
  if (SERVICE_NAMES.some((s) => eventQueueName(s) === value)) return value;
  fail(`unknown queue "${value}"; queues: ${SERVICE_NAMES.map(eventQueueName).join(', ')}`);
}

async function listQueues(): Promise<void> {
  const rows = await Promise.all(
    SERVICE_NAMES.map(async (service) => {
      const name = eventQueueName(service);
      const q = queue(name);
      const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'paused');
      const deadLetters = await queue(deadLetterQueueName(name)).getWaitingCount();
      return {
        queue: name,
        // While paused, BullMQ keeps waiting jobs in a list of their own.
        waiting: (counts.waiting ?? 0) + (counts.paused ?? 0),
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
        deadLetters,
        paused: await q.isPaused(),
      };
    }),
  );
  const header = 'queue                      waiting  active  delayed  failed  dead  paused';
  const lines = rows.map(
    (r) =>
      `${r.queue.padEnd(26)} ${String(r.waiting).padStart(7)} ${String(r.active).padStart(7)} ${String(r.delayed).padStart(8)} ${String(r.failed).padStart(7)} ${String(r.deadLetters).padStart(5)}  ${r.paused ? 'yes' : 'no'}`,
  );
  print([header, ...lines].join('\n'), rows);
}

async function listDeadLetters(): Promise<void> {
  const name = queueName(target);
  const limitIndex = args.indexOf('--limit');
  const limit = limitIndex >= 0 ? Number(args[limitIndex + 1]) : 50;
  const jobs = await queue(deadLetterQueueName(name)).getJobs(['waiting'], 0, limit - 1, true);
  const letters = jobs.map((job) => ({ deadLetterId: job.id, ...(job.data as DeadLetter) }));
  const human = letters.length
    ? letters.map((l) => `${l.jobId}  ${l.jobName}  attempts=${l.attemptsMade}  ${l.failedAt}\n    reason: ${l.reason}`).join('\n')
    : `no dead letters in ${name}`;
  print(human, letters);
}

/** Puts dead letters back on their queue with fresh attempts; the inbox keeps replays idempotent. */
async function retryDeadLetters(): Promise<void> {
  const name = queueName(target);
  const live = queue(name);
  const dead = queue(deadLetterQueueName(name));
  const letters = jobId ? [await Job.fromId(dead, jobId)].filter((j): j is Job => Boolean(j)) : await dead.getJobs(['waiting']);
  if (jobId && letters.length === 0) fail(`no dead letter ${jobId} in ${name}`);
  let replayed = 0;
  for (const letterJob of letters) {
    const letter = letterJob.data as DeadLetter;
    const original = await Job.fromId(live, letter.jobId);
    if (original && (await original.isFailed())) {
      await original.retry('failed');
    } else {
      await live.add(letter.jobName, letter.data, {
        jobId: `${letter.jobId}-replay-${Date.now()}`,
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 14 * 24 * 3600 },
      });
    }
    await letterJob.remove();
    replayed += 1;
  }
  print(`replayed ${replayed} dead letter(s) onto ${name}`, { queue: name, replayed });
}

async function drain(): Promise<void> {
  const name = queueName(target);
  const q = queue(name);
  await q.pause();
  const deadline = Date.now() + 120_000;
  let active = await q.getActiveCount();
  while (active > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    active = await q.getActiveCount();
  }
  if (active > 0) fail(`${name} paused, but ${active} job(s) still active after 120 s`);
  print(`${name} drained: paused, no job in flight (resume with: npm run ops -- resume ${target})`, { queue: name, paused: true, active });
}

async function resume(): Promise<void> {
  const name = queueName(target);
  await queue(name).resume();
  print(`${name} resumed`, { queue: name, paused: false });
}

const commands: Record<string, () => Promise<void>> = {
  reconcile,
  queues: listQueues,
  'dead-letters': listDeadLetters,
  retry: retryDeadLetters,
  drain,
  resume,
};

/** Cross-service reconciliation; exit code 1 when differences remain (so a cron can alert). */
async function reconcile(): Promise<void> {
  const hoursAt = args.indexOf('--hours');
  const hours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : 24;
  if (!Number.isFinite(hours) || hours <= 0) fail('--hours must be a positive number');
  const repair = args.includes('--repair');
  const db = new Pool({ connectionString: connections.databaseUrl, max: 2 });
  try {
    const settleSeconds = Number(process.env.RECONCILE_SETTLE_SECONDS ?? 60);
    const checked = await findDifferences(db, hours, settleSeconds);
    const orders = checked.orders;
    const differences = [...checked.differences, ...(await findAfterSalesDifferences(db, hours, settleSeconds))];
    const gateway = process.env.GATEWAY_URL || 'http://127.0.0.1:4000';
    const token = signBearerToken({ sub: 'ops-reconcile', role: 'admin' }, loadJwtSecret(process.env), 300);
    const graphql = async (query: string) => {
      const response = await fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown[]>; errors?: Array<{ message: string }> };
      if (!body.data) throw new Error(`gateway: ${body.errors?.[0]?.message ?? response.status}`);
      return body.data;
    };
    const stock = (
      await graphql(`
        {
          ledgerDifferences {
            skuCode
            locationCode
            onHand
            ledgerOnHand
            reserved
            ledgerReserved
          }
        }
      `)
    ).ledgerDifferences;
    let resent = 0;
    let rebuilt = 0;
    if (repair) {
      const affected = [...new Map(differences.map((d) => [`${d.channel}:${d.orderId}`, { channel: d.channel, orderId: d.orderId }])).values()];
      resent = await resendOrderEvents(db, affected);
      if (stock.length)
        rebuilt = (
          await graphql(`
            mutation {
              rebuildStockLevels(apply: true) {
                skuCode
              }
            }
          `)
        ).rebuildStockLevels.length;
    }
    print(
      [
        `${orders} orders checked over ${hours} h: ${differences.length} differences${differences.length ? '' : ' — all consistent'}`,
        ...differences.map((d) => `  ${d.service.padEnd(10)} ${d.channel}:${d.orderId}  ${d.problem}`),
        `stock levels differing from the ledger: ${stock.length}`,
        ...(repair ? [`repair: ${resent} order events re-sent, ${rebuilt} stock levels rebuilt — run reconcile again shortly to confirm`] : []),
      ].join('\n'),
      { orders, differences, stockDifferences: stock, repaired: repair ? { resentEvents: resent, rebuiltStockLevels: rebuilt } : null },
    );
    if ((differences.length || stock.length) && !repair) process.exitCode = 1;
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const run = commands[command ?? ''];
  if (!run) fail(`${command ? `unknown command "${command}"` : 'name a command'}\n${USAGE}`);
  try {
    await run();
  } finally {
    await Promise.allSettled(queues.map((q) => q.close()));
    connection.disconnect();
  }
}

main().catch((error: unknown) => fail(`ops failed: ${error instanceof Error ? error.message : String(error)}`));
