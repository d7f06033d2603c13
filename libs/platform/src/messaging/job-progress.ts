import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * Where a published job stands: `finished` (completed, or failed for good and dead-lettered),
 * `pending` (waiting, delayed, active or retrying) or `missing` (the queue no longer holds it,
 * e.g. Redis restarted without persistence).
 */
export type JobProgress = 'finished' | 'pending' | 'missing';

export interface JobRef {
  readonly queue: Queue;
  readonly jobId: string;
}

/** Reads every job's hash in one round trip; BullMQ sets `finishedOn` only once a job is done for good. */
export async function readJobProgress(redis: Redis, jobs: readonly JobRef[]): Promise<JobProgress[]> {
  if (jobs.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const job of jobs) pipeline.hmget(job.queue.toKey(job.jobId), 'timestamp', 'finishedOn');
  const replies = (await pipeline.exec()) ?? [];
  return replies.map(([error, fields]) => {
    if (error) throw error;
    const [createdAt, finishedOn] = fields as [string | null, string | null];
    if (createdAt === null) return 'missing';
    return finishedOn === null ? 'pending' : 'finished';
  });
}
