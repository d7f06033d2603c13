import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { eventQueueName, type EventEnvelope, type ServiceName } from '@shopops/contracts';
import type { JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { isWorkerRole, type PlatformConfig } from '../config/platform-config';
import { applicationNameOf } from '../database/data-source';
import { selectRow, selectRows } from '../database/sql';
import { outboxChannel } from '../database/unit-of-work';
import { rootLogger } from '../logging/logger';
import { endSpan, SpanKind, startSpan, tracingEnabled } from '../tracing/tracing';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { Metrics } from '../http/metrics';
import { batchJobId, EVENT_BATCH_JOB, type EventBatchData } from './event-batch';
import { readJobProgress } from './job-progress';
import { QueueRegistry } from './queue-registry';
import { EVENT_SUBSCRIPTIONS, routingIndex, type SubscriptionTable } from './routing';

const OUTBOX_COLUMNS = 'id, event_id, type, payload, request_id, occurred_at, deliver_at, job_id, traceparent';

interface OutboxRow {
  id: string;
  event_id: string;
  type: string;
  payload: unknown;
  request_id: string | null;
  occurred_at: Date;
  deliver_at: Date | null;
  /** The batch job that carries it; null until published. */
  job_id: string | null;
  /** W3C trace context of the span that stored it; null when the producer was not tracing. */
  traceparent: string | null;
}

/** Rows bound for one consumer queue as one job. */
interface BatchDelivery {
  readonly jobId: string;
  readonly target: ServiceName;
  readonly rows: readonly OutboxRow[];
}

/** BullMQ options for event jobs: retried with exponential backoff, kept long enough to de-duplicate. */
export function eventJobOptions(config: PlatformConfig): JobsOptions {
  return {
    attempts: config.worker.attempts,
    backoff: { type: 'exponential', delay: config.worker.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}

/**
 * Publishes committed outbox rows to the queue of every subscribed service, one job per queue
 * per batch of rows (see event-batch.ts), then marks them published. Rows are claimed with SKIP
 * LOCKED so several workers can relay side by side; a crash after publishing republishes them,
 * and consumers' inboxes absorb it.
 * If Redis is away, rows simply stay until it is back. Timers stay in the outbox until due.
 * A published row is kept until every target queue has finished its job; one a queue lost
 * (Redis restarted without its data) is published again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private wakeRequested = false;
  private listener?: Client;
  private nextAcknowledgeCheck = 0;
  private jobStore?: Redis;
  private readonly log = rootLogger().child({ component: 'outbox-relay' });
  private readonly routes: ReadonlyMap<string, readonly ServiceName[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    private readonly metrics: Metrics,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(EVENT_SUBSCRIPTIONS) subscriptions: SubscriptionTable,
  ) {
    this.routes = routingIndex(subscriptions);
  }

  onApplicationBootstrap(): void {
    if (!isWorkerRole(this.config.role)) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.requestWake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes one batch of new and due rows; returns how many it relayed. Exposed for tests and tools. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = await selectRows<OutboxRow>(
        em,
        `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE published_at IS NULL AND deliver_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.relay.batchSize],
      );
      if (rows.length < this.config.relay.batchSize) {
        const due = await selectRows<OutboxRow>(
          em,
          `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE published_at IS NULL AND deliver_at <= now() ORDER BY deliver_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.config.relay.batchSize - rows.length],
        );
        rows.push(...due);
      }
      if (rows.length === 0) return 0;
      const jobId = batchJobId(
        this.config.service.name,
        rows.map((r) => r.id),
      );
      await this.publish(this.batchesOf(rows.map((row) => ({ row, jobId }))));
      // Events nobody subscribes to need no acknowledgement.
      await em.query(
        `UPDATE outbox SET published_at = now(), job_id = $3, acknowledged_at = CASE WHEN id = ANY($2::bigint[]) THEN now() END WHERE id = ANY($1::bigint[])`,
        [rows.map((r) => r.id), rows.filter((r) => this.targetsOf(r).length === 0).map((r) => r.id), jobId],
      );
      const oldest = Math.min(...rows.map((r) => (r.deliver_at ?? r.occurred_at).getTime()));
      this.metrics.outboxLag.set({ service: this.config.service.name }, (Date.now() - oldest) / 1000);
      this.metrics.outboxPublished.inc({ service: this.config.service.name }, rows.length);
      return rows.length;
    });
  }

  /**
   * Checks the rows published at least `acknowledgeAfterMs` ago: a row whose batch job every
   * target queue finished is acknowledged; a job a queue no longer holds is published again (the
   * consumer's inbox absorbs it if it was in fact handled). Returns how many it re-published.
   */
  async acknowledgeDeliveries(): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = await selectRows<OutboxRow>(
        em,
        `SELECT ${OUTBOX_COLUMNS} FROM outbox
          WHERE published_at IS NOT NULL AND acknowledged_at IS NULL AND published_at < now() - $2 * interval '1 millisecond'
          ORDER BY published_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.relay.batchSize, this.config.relay.acknowledgeAfterMs],
      );
      if (rows.length === 0) return 0;
      // One job per batch and queue carries many rows: read each job once.
      const batches = this.batchesOf(rows.map((row) => ({ row, jobId: row.job_id ?? row.event_id })));
      this.jobStore ??= this.queues.redis();
      const progress = await readJobProgress(
        this.jobStore,
        batches.map(({ jobId, target }) => ({ queue: this.queues.queue(eventQueueName(target)), jobId })),
      );
      const missing = batches.filter((_, i) => progress[i] === 'missing');
      const unfinished = new Set(batches.filter((_, i) => progress[i] !== 'finished').flatMap(({ rows: batchRows }) => batchRows.map((r) => r.id)));
      const lost = await this.wholeBatches(em, missing);
      await this.publish(lost);
      const delivered = rows.filter((r) => !unfinished.has(r.id)).map((r) => r.id);
      if (delivered.length > 0) await em.query(`UPDATE outbox SET acknowledged_at = now() WHERE id = ANY($1::bigint[])`, [delivered]);
      const republished = [...new Set(lost.flatMap(({ rows: batchRows }) => batchRows.map((r) => r.id)))];
      if (republished.length > 0) {
        // Re-published rows get a fresh grace period before the next check.
        await em.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [republished]);
        this.metrics.outboxRepublished.inc({ service: this.config.service.name }, republished.length);
        this.log.warn({ republished: republished.length, jobs: lost.length }, 'queues had lost published events; published them again');
      }
      return republished.length;
    });
  }

  /**
   * A lost job is published again whole, under its id: with every unacknowledged row it carried,
   * not only those this check read, or rows left out would later find the id taken and be
   * acknowledged with a job that never held them.
   */
  private async wholeBatches(em: EntityManager, missing: readonly BatchDelivery[]): Promise<BatchDelivery[]> {
    if (missing.length === 0) return [];
    const rows = await selectRows<OutboxRow>(
      em,
      `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE job_id = ANY($1::text[]) AND acknowledged_at IS NULL ORDER BY id`,
      [[...new Set(missing.map((b) => b.jobId))]],
    );
    const lostPairs = new Set(missing.map((b) => `${b.target}:${b.jobId}`));
    const legacy = missing.filter((b) => !rows.some((r) => r.job_id === b.jobId));
    // Rows published before batches carry their event id as job id and come alone.
    return [...this.batchesOf(rows.map((row) => ({ row, jobId: row.job_id! }))).filter((b) => lostPairs.has(`${b.target}:${b.jobId}`)), ...legacy];
  }

  private targetsOf(row: OutboxRow): readonly ServiceName[] {
    return this.routes.get(row.type) ?? [];
  }

  /** Groups rows by the job that carries them and the queue it goes to, keeping outbox order within a job. */
  private batchesOf(rows: ReadonlyArray<{ row: OutboxRow; jobId: string }>): BatchDelivery[] {
    const batches = new Map<string, { jobId: string; target: ServiceName; rows: OutboxRow[] }>();
    for (const { row, jobId } of rows) {
      for (const target of this.targetsOf(row)) {
        const key = `${target}:${jobId}`;
        const batch = batches.get(key) ?? { jobId, target, rows: [] };
        batch.rows.push(row);
        batches.set(key, batch);
      }
    }
    return [...batches.values()];
  }

  private async publish(batches: readonly BatchDelivery[]): Promise<void> {
    const opts = eventJobOptions(this.config);
    await Promise.all(
      batches.map(async ({ jobId, target, rows }) => {
        const data: EventBatchData = { events: rows.map((row) => this.envelope(row)) };
        const spans = tracingEnabled() ? rows.map((row) => (row.traceparent ? this.publishSpan(row, target, jobId, rows.length) : undefined)) : [];
        try {
          await this.queues.queue(eventQueueName(target)).add(EVENT_BATCH_JOB, data, { ...opts, jobId });
        } catch (error) {
          for (const span of spans) endSpan(span, error);
          throw error;
        }
        for (const span of spans) endSpan(span);
      }),
    );
  }

  /**
   * A publish span in each traced event's own trace: a batch job carries events of many requests.
   * The envelope keeps the stored context (not this span's): a re-published job must be identical.
   */
  private publishSpan(row: OutboxRow, target: ServiceName, jobId: string, batchSize: number): ReturnType<typeof startSpan> {
    return startSpan(`publish ${row.type}`, row.traceparent ?? undefined, {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'publish',
        'messaging.destination.name': eventQueueName(target),
        'messaging.message.id': row.event_id,
        'messaging.batch.message_count': batchSize,
        'shopops.job_id': jobId,
      },
    });
  }

  private envelope(row: OutboxRow): EventEnvelope {
    return {
      id: row.event_id,
      type: row.type,
      producer: this.config.service.name,
      occurredAt: row.occurred_at.toISOString(),
      ...(row.request_id ? { requestId: row.request_id } : {}),
      ...(row.traceparent ? { traceparent: row.traceparent } : {}),
      payload: row.payload,
    };
  }

  private async run(): Promise<void> {
    let backoffMs = 200;
    while (this.running) {
      try {
        this.wakeRequested = false;
        const relayed = await this.relayBatch();
        if (Date.now() >= this.nextAcknowledgeCheck) {
          await this.acknowledgeDeliveries();
          this.nextAcknowledgeCheck = Date.now() + this.config.relay.acknowledgeAfterMs;
        }
        backoffMs = 200;
        if (relayed >= this.config.relay.batchSize) continue;
        await this.sleep(await this.untilNextTimer());
      } catch (error) {
        this.log.warn({ err: error, retryInMs: backoffMs }, 'outbox relay could not publish; will retry');
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 10_000);
      }
    }
  }

  /** Sleeps no longer than until the next timer in the outbox is due. */
  private async untilNextTimer(): Promise<number> {
    const next = await selectRow<{ wait_ms: number | null }>(
      this.dataSource,
      `SELECT ceil(extract(epoch FROM min(deliver_at) - now()) * 1000)::int AS wait_ms FROM outbox WHERE published_at IS NULL AND deliver_at IS NOT NULL`,
    );
    return Math.max(10, Math.min(this.config.relay.pollMs, next?.wait_ms ?? Infinity));
  }

  private requestWake(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  /** Waits up to `ms`, or not at all if events committed while the last batch was relaying. */
  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** LISTEN so commits wake the relay at once; polling still covers a lost connection. */
  private async listen(): Promise<void> {
    while (this.running) {
      // Named like the pool's connections, so pg_stat_activity tells whose it is.
      const client = new Client({ connectionString: this.config.databaseUrl, application_name: `${applicationNameOf(this.config)}-listen` });
      // Listening before connecting: an 'error' with no listener would take the process down.
      const lost = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.on('end', () => resolve());
      });
      try {
        await client.connect();
        this.listener = client;
        client.on('notification', () => this.requestWake());
        await client.query(`LISTEN ${outboxChannel(this.config.service.schema)}`);
        await lost;
      } catch (error) {
        this.log.debug({ err: error }, 'outbox listener connection failed');
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
