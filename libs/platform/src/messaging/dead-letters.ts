import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { deadLetterQueueName, eventQueueName, type EventEnvelope } from '@shopops/contracts';
import type { Job } from 'bullmq';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { isEventBatch } from './event-batch';
import { QueueRegistry } from './queue-registry';

const PAGE = 500;

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
  constructor(
    private readonly queues: QueueRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** A job that failed for good; a batch job becomes one letter per event. */
  async record(queue: string, job: Job, error: unknown): Promise<void> {
    if (isEventBatch(job.data)) {
      for (const event of job.data.events) await this.recordEvent(queue, event, error, job.attemptsMade + 1);
      return;
    }
    await this.put(queue, { jobId: String(job.id), jobName: job.name, data: job.data, attemptsMade: job.attemptsMade + 1 }, error);
  }

  /** One event of a batch, alone: its letter is named by the event id and replays as a job of its own. */
  async recordEvent(queue: string, event: EventEnvelope, error: unknown, attemptsMade: number): Promise<void> {
    const jobId = typeof event?.id === 'string' ? event.id : `malformed-${randomUUID()}`;
    await this.put(queue, { jobId, jobName: String(event?.type), data: event, attemptsMade }, error);
  }

  private async put(queue: string, failed: Pick<DeadLetter, 'jobId' | 'jobName' | 'data' | 'attemptsMade'>, error: unknown): Promise<void> {
    const letter: DeadLetter = {
      queue,
      ...failed,
      reason: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
      failedAt: new Date().toISOString(),
    };
    // Same id as the failed job or event: recording twice (a crash between record and fail) keeps one letter.
    await this.queues.queue(deadLetterQueueName(queue)).add(failed.jobName, letter, {
      jobId: failed.jobId,
      removeOnComplete: false,
      removeOnFail: false,
    });
  }

  /**
   * Erasure: in this service's dead letters, every occurrence of the erased values (account ids)
   * becomes the pseudonym, so a letter can still be replayed but names no one. Returns how many changed.
   */
  async pseudonymise(values: readonly string[], pseudonym: string): Promise<number> {
    const needles = values.filter(Boolean).map((v) => JSON.stringify(v).slice(1, -1));
    if (needles.length === 0) return 0;
    const dead = this.queues.queue(deadLetterQueueName(eventQueueName(this.config.service.name)));
    let changed = 0;
    for (let start = 0; ; start += PAGE) {
      const letters = await dead.getJobs(['waiting'], start, start + PAGE - 1, true);
      for (const letter of letters) {
        const text = JSON.stringify(letter.data);
        if (!needles.some((n) => text.includes(n))) continue;
        await letter.updateData(JSON.parse(needles.reduce((t, n) => t.split(n).join(pseudonym), text)));
        changed++;
      }
      if (letters.length < PAGE) return changed;
    }
  }
}
