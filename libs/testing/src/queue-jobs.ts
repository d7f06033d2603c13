import { randomUUID } from 'node:crypto';
import { testPool } from './databases';
import { deadLetterQueueName, eventQueueName, type ServiceName } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import { eventually } from './eventually';
import { harnessEnv, suiteEnv } from './harness-env';

/**
 * Waiting for work to be done rather than for time to pass: a test that checks that something
 * did not happen first waits until the job that could have made it happen has completed.
 */

async function withSuiteQueue<T>(service: ServiceName, work: (queue: Queue) => Promise<T>, name = eventQueueName(service)): Promise<T> {
  const connection = new IORedis(harnessEnv.redisUrl(), { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection, prefix: suiteEnv.queuePrefix() });
  try {
    return await work(queue);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/**
 * Waits until every handler of `service` has handled the event: the job that carries it (the
 * batch the outbox relay published it in, or a job of its own when one was queued directly) has
 * completed. An event dead-lettered, or a job failed for good, fails the wait.
 */
export async function eventHandled(service: ServiceName, eventId: string, timeoutMs = 30_000): Promise<void> {
  const db = testPool();
  const jobId = await eventually(
    () => carryingJob(db, eventId),
    (id) => id !== undefined,
    { what: `the event ${eventId} published`, timeoutMs },
  ).finally(() => db.end());
  await withSuiteQueue(service, async (queue) => {
    const state = await eventually(
      () => queue.getJobState(jobId!),
      (s) => s === 'completed' || s === 'failed',
      { what: `${service} to handle event ${eventId}`, timeoutMs },
    );
    if (state === 'failed') throw new Error(`${service} failed event ${eventId}: ${(await queue.getJob(jobId!))?.failedReason}`);
  });
  const letter = await withSuiteQueue(service, (dead) => dead.getJob(eventId), deadLetterQueueName(eventQueueName(service)));
  if (letter) throw new Error(`${service} dead-lettered event ${eventId}: ${(letter.data as { reason?: string }).reason}`);
}

/** The id of the job that carries an event: the batch job recorded in its producer's outbox, else the event id itself. */
async function carryingJob(db: Pool, eventId: string): Promise<string | undefined> {
  const { rows: schemas } = await db.query<{ schema: string }>(`SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox'`);
  for (const { schema } of schemas) {
    const escaped = schema.replace(/"/g, '""');
    const { rows } = await db.query<{ job_id: string | null }>(`SELECT job_id FROM "${escaped}".outbox WHERE event_id::text = $1`, [eventId]);
    if (rows.length > 0) return rows[0].job_id ?? undefined;
  }
  return eventId;
}

/** Waits until `service` has handled the event an accepted webhook delivery became. */
export async function webhookHandled(service: ServiceName, webhookId: string, timeoutMs = 30_000): Promise<void> {
  const db = testPool();
  try {
    // Written with the delivery, before the gateway answered 202.
    const { rows } = await db.query<{ event_id: string }>(`SELECT event_id FROM gateway.outbox WHERE payload->>'deliveryId' = $1`, [webhookId]);
    if (rows.length === 0) throw new Error(`no event for webhook delivery ${webhookId}`);
    for (const row of rows) await eventHandled(service, row.event_id, timeoutMs);
  } finally {
    await db.end();
  }
}

/** A schedule run now: its job put on the service's queue by hand and waited for until it has completed. */
export async function runScheduleNow(service: ServiceName, scheduleName: string, timeoutMs = 30_000): Promise<void> {
  await withSuiteQueue(service, async (queue) => {
    const job = await queue.add(`schedule:${scheduleName}`, {}, { jobId: `now-${scheduleName}-${randomUUID()}` });
    const state = await eventually(
      () => job.getState(),
      (s) => s === 'completed' || s === 'failed',
      { what: `the ${scheduleName} run`, timeoutMs },
    );
    if (state === 'failed') throw new Error(`${scheduleName} failed: ${(await queue.getJob(job.id!))?.failedReason}`);
  });
}

/** Waits until a run of a service's schedule that started after `since` (epoch ms) has completed. */
export async function scheduleRanSince(service: ServiceName, scheduleName: string, since: number, timeoutMs = 30_000): Promise<void> {
  await withSuiteQueue(service, (queue) =>
    eventually(
      async () => (await queue.getJobs(['completed'], 0, 2000)).some((job) => job.name === `schedule:${scheduleName}` && (job.processedOn ?? 0) > since),
      Boolean,
      { what: `a run of ${scheduleName} after ${new Date(since).toISOString()}`, timeoutMs },
    ),
  );
}
