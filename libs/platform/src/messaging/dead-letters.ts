import { Injectable } from '@nestjs/common';
import { deadLetterQueueName } from '@shopops/contracts';
import type { Job } from 'bullmq';
import { QueueRegistry } from './queue-registry';

/** What a dead letter keeps: enough to understand the failure and replay the job. */
export interface DeadLetter {
  readonly queue: string;
  readonly jobId: string;
  readonly jobName: string;
  readonly data: unknown;
  readonly reason: string;
  readonly stack?: string;
  readonly attemptsMade: number;
  readonly failedAt: string;
}

/**
 * Jobs that failed their last attempt, or were malformed, are copied here with the reason
 * before they fail, so nothing is dropped; ops inspect and replay them (`npm run ops`).
 */
@Injectable()
export class DeadLetters {
  constructor(private readonly queues: QueueRegistry) {}

  async record(queue: string, job: Job, error: unknown): Promise<void> {
    const letter: DeadLetter = {
      queue,
      jobId: String(job.id),
      jobName: job.name,
      data: job.data,
      reason: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
      attemptsMade: job.attemptsMade + 1,
      failedAt: new Date().toISOString(),
    };
    // Same id as the failed job: recording twice (a crash between record and fail) keeps one letter.
    await this.queues.queue(deadLetterQueueName(queue)).add(job.name, letter, {
      jobId: String(job.id),
      removeOnComplete: false,
      removeOnFail: false,
    });
  }
}
