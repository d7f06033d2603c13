import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a service's queue holds at one moment (read from Redis when /metrics is scraped). */
export interface QueueSample {
  readonly service: string;
  readonly queue: string;
  readonly jobs: Readonly<Record<'waiting' | 'delayed' | 'active' | 'failed', number>>;
  /** Seconds since the oldest waiting job was added; 0 when none waits. */
  readonly oldestWaitingSeconds: number;
  readonly deadLetters: number;
}

/** Prometheus metrics of one process, served at /metrics. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private sampler?: () => Promise<QueueSample>;
  /** One Redis read serves the three queue gauges of a scrape (prom-client collects them together). */
  private sampling?: Promise<QueueSample | undefined>;

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['service', 'method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly jobsProcessed = new Counter({
    name: 'queue_jobs_total',
    help: 'Queue jobs processed, by outcome (completed, retried, dead-lettered)',
    labelNames: ['service', 'job', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'queue_job_duration_seconds',
    help: 'Time to process one queue job',
    labelNames: ['service', 'job'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers: [this.registry],
  });

  readonly outboxPublished = new Counter({
    name: 'outbox_events_published_total',
    help: 'Outbox events published to queues',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });

  readonly outboxRepublished = new Counter({
    name: 'outbox_events_republished_total',
    help: 'Published events a queue had lost (Redis restarted without its data), published again',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });

  readonly outboxLag = new Gauge({
    name: 'outbox_lag_seconds',
    help: 'Age of the oldest event in the last relayed batch',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });

  readonly dbQueries = new Counter({
    name: 'db_queries_total',
    help: 'SQL statements sent to PostgreSQL',
    labelNames: ['service'] as const,
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'queue_jobs',
    help: "Jobs in the service's queue by state (waiting, delayed, active, failed), read at scrape time",
    labelNames: ['service', 'queue', 'state'] as const,
    registers: [this.registry],
    collect: () =>
      this.collectQueue((sample) => {
        for (const [state, count] of Object.entries(sample.jobs)) this.queueJobs.set({ service: sample.service, queue: sample.queue, state }, count);
      }),
  });

  readonly queueOldestWaiting = new Gauge({
    name: 'queue_oldest_waiting_seconds',
    help: "Age of the oldest job waiting in the service's queue (0 when none waits)",
    labelNames: ['service', 'queue'] as const,
    registers: [this.registry],
    collect: () => this.collectQueue((sample) => this.queueOldestWaiting.set({ service: sample.service, queue: sample.queue }, sample.oldestWaitingSeconds)),
  });

  readonly deadLetters = new Gauge({
    name: 'queue_dead_letters',
    help: "Jobs kept in the service's dead-letter queue, waiting for a fix and a retry",
    labelNames: ['service', 'queue'] as const,
    registers: [this.registry],
    collect: () => this.collectQueue((sample) => this.deadLetters.set({ service: sample.service, queue: sample.queue }, sample.deadLetters)),
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Where the queue gauges read from; until set (no Redis in this process) they report nothing. */
  sampleQueuesWith(sampler: () => Promise<QueueSample>): void {
    this.sampler = sampler;
  }

  private async collectQueue(apply: (sample: QueueSample) => void): Promise<void> {
    if (!this.sampler) return;
    const sampler = this.sampler;
    this.sampling ??= sampler()
      .catch(() => undefined)
      .finally(() => (this.sampling = undefined));
    const sample = await this.sampling;
    // Redis away: the gauges drop out of the scrape rather than repeat stale figures.
    if (sample) apply(sample);
  }
}
