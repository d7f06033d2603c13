import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { deadLetterQueueName, eventQueueName } from '@shopops/contracts';
import type { PlatformConfig } from '../config/platform-config';
import { Metrics, type QueueSample } from '../http/metrics';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { QueueRegistry } from './queue-registry';

/**
 * Feeds the queue gauges of /metrics (depth by state, age of the oldest waiting job, dead
 * letters) from the service's own queue, read when Prometheus scrapes: what an on-call person
 * and a worker autoscaler watch.
 */
@Injectable()
export class QueueGauges implements OnModuleInit {
  constructor(
    private readonly queues: QueueRegistry,
    private readonly metrics: Metrics,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  onModuleInit(): void {
    this.metrics.sampleQueuesWith(() => this.sample());
  }

  async sample(): Promise<QueueSample> {
    const name = eventQueueName(this.config.service.name);
    const queue = this.queues.queue(name);
    const [counts, oldest, deadLetters] = await Promise.all([
      queue.getJobCounts('waiting', 'delayed', 'active', 'failed'),
      queue.getJobs(['waiting'], 0, 0, true),
      this.queues.queue(deadLetterQueueName(name)).getWaitingCount(),
    ]);
    const addedAt = oldest[0]?.timestamp;
    return {
      service: this.config.service.name,
      queue: name,
      jobs: { waiting: counts.waiting ?? 0, delayed: counts.delayed ?? 0, active: counts.active ?? 0, failed: counts.failed ?? 0 },
      oldestWaitingSeconds: addedAt === undefined ? 0 : Math.max(0, (Date.now() - addedAt) / 1000),
      deadLetters,
    };
  }
}
