import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { describeProblems, eventQueueName, isTraceparent, type EventDefinition, type EventEnvelope } from '@shopops/contracts';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { isWorkerRole, type PlatformConfig } from '../config/platform-config';
import { MicroBatcher } from '../concurrency/micro-batcher';
import { logScope, RequestContext } from '../context/request-context';
import { conflictPauseMs, isTransientConflict, retryOnConflict } from '../database/transient-conflict';
import { selectRows } from '../database/sql';
import { UnitOfWork } from '../database/unit-of-work';
import { Metrics } from '../http/metrics';
import { rootLogger } from '../logging/logger';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { endSpan, logIdsOf, SpanKind, startSpan, traceparentOf, tracingEnabled } from '../tracing/tracing';
import { commitBisecting } from './batch-bisection';
import { DeadLetters } from './dead-letters';
import { isEventBatch, type EventBatchData, type HandledJobData } from './event-batch';
import { checkHandlersMatchSubscriptions, discoverHandlers } from './handler-discovery';
import type { EventBatchHandlerFn } from './on-event.decorator';
import { QueueRegistry, workerConnectionOptions } from './queue-registry';
import { EVENT_SUBSCRIPTIONS, type SubscriptionTable } from './routing';
import { ServiceSchedules } from './service-schedules';

interface RegisteredHandler {
  readonly consumer: string;
  readonly definition: EventDefinition;
  /**
   * Takes a handler's events from every job in flight in this process, one transaction at a
   * time, so two jobs never hold the same handler's rows crosswise (see commitBatch).
   */
  readonly batcher: MicroBatcher<EventEnvelope, void>;
}

/** An event that did not commit for some handler, with why. */
interface FailedEvent {
  readonly envelope: EventEnvelope;
  readonly error: Error;
}

/** Deferrals after lost deadlocks that cost no attempt; past this, a job that keeps losing counts them. */
const MAX_FREE_CONFLICT_DEFERRALS = 50;

/**
 * Runs this service's event handlers and schedules from its BullMQ queue. A job carries a batch
 * of events (see event-batch.ts); each handler takes the batch in one transaction with one inbox
 * statement, so a redelivered event has exactly one effect. A failing transaction is split until
 * the failing events are alone (batch-bisection.ts): the others commit, and the job keeps only the
 * failures, retried with backoff; after the last attempt each is dead-lettered alone with its
 * reason, and a malformed event at once. A transaction that lost a deadlock or serialization
 * conflict is run again at once and then deferred, without spending the job's attempts.
 */
@Injectable()
export class EventConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker;
  private readonly handlers = new Map<string, RegisteredHandler[]>();
  private readonly schedules: ServiceSchedules;
  private readonly queueName: string;
  private readonly log = rootLogger().child({ component: 'event-consumer' });

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly unitOfWork: UnitOfWork,
    private readonly deadLetters: DeadLetters,
    queues: QueueRegistry,
    private readonly metrics: Metrics,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(EVENT_SUBSCRIPTIONS) private readonly subscriptions: SubscriptionTable,
  ) {
    this.queueName = eventQueueName(config.service.name);
    this.schedules = new ServiceSchedules(queues, this.queueName, config.service.name, this.log, config.worker.scheduleOverrides);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.registerHandlers();
    checkHandlersMatchSubscriptions(this.config.service.name, this.subscriptions[this.config.service.name] ?? [], [...this.handlers.keys()]);
    if (!isWorkerRole(this.config.role)) return;
    await this.schedules.start(this.config.worker.scheduleCheckMs);
    this.worker = new Worker(this.queueName, (job, token) => this.process(job, token), {
      connection: workerConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      concurrency: this.config.worker.concurrency,
      lockDuration: this.config.worker.lockMs,
      stalledInterval: this.config.worker.stalledCheckMs,
      maxStalledCount: 5,
    });
    this.worker.on('error', (error) => this.log.warn({ err: error }, 'queue worker error'));
    // A job that exhausted its stalls (its workers kept dying) fails outside process(): keep it too.
    this.worker.on('failed', (job, error) => {
      if (job && /stalled/i.test(error.message)) void this.deadLetters.record(this.queueName, job, error).catch(() => undefined);
    });
  }

  /** Stops taking jobs and waits for the ones in flight (SIGTERM drain). */
  async beforeApplicationShutdown(): Promise<void> {
    this.schedules.stop();
    await this.worker?.close();
  }

  handledEventTypes(): string[] {
    return [...this.handlers.keys()];
  }

  private async process(job: Job, token: string | undefined): Promise<void> {
    const started = process.hrtime.bigint();
    const data = job.data as Partial<EventEnvelope & EventBatchData & HandledJobData> | undefined;
    const requestId = data?.requestId ?? data?.events?.[0]?.requestId ?? `job-${job.id}`;
    const labels = { service: this.config.service.name, job: job.name };
    return logScope.run({ requestId }, async () => {
      try {
        if (this.schedules.isScheduleJob(job)) await this.schedules.run(job, requestId);
        // A job whose payload was dropped was handled and committed; a crash before BullMQ marked it
        // completed brings it back (stalled), and there is nothing left to do.
        else if (data?.handled) return;
        else if (isEventBatch(job.data)) await this.handleBatchJob(job, job.data);
        else await this.handleSingleEvent(job.data as EventEnvelope);
        if (!this.schedules.isScheduleJob(job)) await this.forgetPayload(job);
        this.metrics.jobsProcessed.inc({ ...labels, outcome: 'completed' });
      } catch (error) {
        if (await this.deferAfterConflict(job, token, error)) {
          this.metrics.jobsProcessed.inc({ ...labels, outcome: 'deferred' });
          throw new DelayedError();
        }
        const unrecoverable = error instanceof UnrecoverableError;
        const lastAttempt = unrecoverable || this.isLastAttempt(job);
        this.metrics.jobsProcessed.inc({ ...labels, outcome: lastAttempt ? 'dead-lettered' : 'retried' });
        this.log.warn({ err: error, jobId: job.id, attempt: job.attemptsMade + 1, lastAttempt }, `job ${job.name} failed`);
        if (lastAttempt) await this.deadLetters.record(this.queueName, job, error);
        throw error;
      } finally {
        this.metrics.jobDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      }
    });
  }

  private isLastAttempt(job: Job): boolean {
    return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  }

  /** An event alone: retried by BullMQ as a whole when it fails. */
  private async handleSingleEvent(envelope: EventEnvelope): Promise<void> {
    const typed = this.checked(envelope);
    const [failure] = await this.deliver([typed]);
    if (failure) throw failure.error;
  }

  /**
   * A batch: malformed events are dead-lettered at once; the rest are delivered; the job then
   * keeps only the events that failed and is retried (a lost conflict defers it instead); on
   * its last attempt each failure is dead-lettered alone and the job completes.
   */
  private async handleBatchJob(job: Job, batch: EventBatchData): Promise<void> {
    const typed: EventEnvelope[] = [];
    for (const envelope of batch.events) {
      try {
        typed.push(this.checked(envelope));
      } catch (error) {
        await this.deadLetters.recordEvent(this.queueName, envelope, error, 1);
      }
    }
    const failures = await this.deliver(typed);
    if (failures.length === 0) return;
    const conflict = failures.find((f) => isTransientConflict(f.error));
    if (conflict || !this.isLastAttempt(job)) {
      // The retry carries the failures as they came (unvalidated), like the original job.
      const failed = new Set(failures.map((f) => f.envelope.id));
      await job.updateData({ events: batch.events.filter((e) => failed.has(e.id)) } satisfies EventBatchData);
      throw (conflict ?? failures[0]).error;
    }
    for (const { envelope, error } of failures) {
      const original = batch.events.find((e) => e.id === envelope.id) ?? envelope;
      this.log.warn({ err: error, jobId: job.id, eventId: envelope.id }, `event ${envelope.type} failed its last attempt`);
      await this.deadLetters.recordEvent(this.queueName, original, error, job.attemptsMade + 1);
    }
    this.metrics.jobsProcessed.inc({ service: this.config.service.name, job: job.name, outcome: 'dead-lettered' }, failures.length);
  }

  /** Puts a job that lost a deadlock back in the queue, a little later, keeping its attempts. */
  private async deferAfterConflict(job: Job, token: string | undefined, error: unknown): Promise<boolean> {
    const deferrals = (job.attemptsStarted ?? 0) - job.attemptsMade - 1;
    if (!token || !isTransientConflict(error) || deferrals >= MAX_FREE_CONFLICT_DEFERRALS) return false;
    const pauseMs = conflictPauseMs(this.config.worker.backoffMs, Math.min(deferrals, 5));
    this.log.info({ err: error, jobId: job.id, deferrals: deferrals + 1, pauseMs }, `job ${job.name} lost a conflict; deferred without spending an attempt`);
    await job.moveToDelayed(Date.now() + pauseMs, token);
    return true;
  }

  /**
   * A handled job is kept a while (job-id de-duplication, tracing) but without its payload, which
   * may name a buyer: Redis keeps no PII once the effect is committed. If Redis refuses, the
   * payload simply ages out with the job.
   */
  private async forgetPayload(job: Job): Promise<void> {
    const handled: HandledJobData = isEventBatch(job.data)
      ? { handled: true, events: job.data.events.map(({ id, type, requestId }) => ({ id, type, ...(requestId ? { requestId } : {}) })) }
      : (({ id, type, producer, occurredAt, requestId }: EventEnvelope) => ({
          handled: true as const,
          id,
          type,
          producer,
          occurredAt,
          ...(requestId ? { requestId } : {}),
        }))(job.data as EventEnvelope);
    await job.updateData(handled).catch((error: unknown) => {
      this.log.warn({ err: error, jobId: job.id }, 'could not drop the payload of a completed job');
    });
  }

  /** The envelope with its payload checked against the event's contract; malformed is unrecoverable. */
  private checked(envelope: EventEnvelope): EventEnvelope {
    if (!envelope || typeof envelope.type !== 'string' || typeof envelope.id !== 'string') {
      throw new UnrecoverableError('malformed job: not an event envelope');
    }
    const handlers = this.handlers.get(envelope.type);
    if (!handlers) throw new UnrecoverableError(`${this.config.service.name} has no handler for ${envelope.type}`);
    const checked = handlers[0].definition.validate(envelope.payload);
    if (!checked.ok) {
      throw new UnrecoverableError(`malformed ${envelope.type} payload: ${describeProblems(checked.problems)}`);
    }
    // A malformed trace context loses the trace, never the event.
    const { traceparent, ...rest } = envelope;
    return { ...rest, ...(isTraceparent(traceparent) ? { traceparent } : {}), payload: checked.value };
  }

  /**
   * Every handler takes its events in order, with those of other jobs in flight, up to
   * EVENT_BATCH_MAX per transaction; a failing transaction is split until only the failing
   * events fail. Returns each failing event once.
   */
  private async deliver(events: readonly EventEnvelope[]): Promise<FailedEvent[]> {
    const byHandler = new Map<string, { handler: RegisteredHandler; events: EventEnvelope[] }>();
    for (const envelope of events) {
      for (const handler of this.handlers.get(envelope.type) ?? []) {
        const entry = byHandler.get(handler.consumer) ?? { handler, events: [] };
        entry.events.push(envelope);
        byHandler.set(handler.consumer, entry);
      }
    }
    const failures = new Map<string, FailedEvent>();
    await Promise.all(
      [...byHandler.values()].map(({ handler, events: own }) =>
        Promise.all(
          own.map((envelope) =>
            handler.batcher.submit(envelope).catch((error: unknown) => {
              if (!failures.has(envelope.id)) failures.set(envelope.id, { envelope, error: error instanceof Error ? error : new Error(String(error)) });
            }),
          ),
        ),
      ),
    );
    return [...failures.values()];
  }

  /**
   * One transaction for a handler's events. While tracing is on, each event gets a process span,
   * child of the context its envelope carries (a batch mixes the events of many requests); the
   * handler sees each event with its span's traceparent, so the events it emits continue that trace.
   */
  private async commitBatch(consumer: string, invoke: EventBatchHandlerFn<unknown>, events: readonly EventEnvelope[]): Promise<void> {
    if (!tracingEnabled() || events.length === 0) return this.claimAndHandle(consumer, invoke, events);
    const spans = events.map((envelope) => this.processSpan(consumer, envelope, events.length));
    const traced = events.map((envelope, i) => {
      const span = spans[i];
      return span ? { ...envelope, traceparent: traceparentOf(span) } : envelope;
    });
    const first = spans[0];
    try {
      await logScope.run({ requestId: events[0].requestId ?? `event-${events[0].id}`, ...(first ? logIdsOf(first) : {}) }, () =>
        this.claimAndHandle(consumer, invoke, traced),
      );
    } catch (error) {
      for (const span of spans) endSpan(span, error);
      throw error;
    }
    for (const span of spans) endSpan(span);
  }

  private processSpan(consumer: string, envelope: EventEnvelope, batchSize: number): ReturnType<typeof startSpan> {
    return startSpan(`${consumer} process ${envelope.type}`, envelope.traceparent, {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'process',
        'messaging.destination.name': this.queueName,
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': envelope.id,
        'messaging.batch.message_count': batchSize,
        'shopops.producer': envelope.producer,
      },
    });
  }

  /** Claims every id in the inbox at once and hands the new ones to the handler. */
  private claimAndHandle(consumer: string, invoke: EventBatchHandlerFn<unknown>, events: readonly EventEnvelope[]): Promise<void> {
    // Claimed in id order, so that two batches sharing redelivered ids never wait on each other crosswise.
    const claims = [...new Map(events.map((e) => [e.id, e.type])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return this.unitOfWork.run(RequestContext.system(events[0]?.requestId, events[0]?.traceparent), async (tx) => {
      const claimed = await selectRows<{ event_id: string }>(
        tx.em,
        `INSERT INTO inbox (consumer, event_id, event_type)
         SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, claims.map(([id]) => id), claims.map(([, type]) => type)],
      );
      const fresh = new Set(claimed.map((row) => row.event_id));
      // Only the first of several same-id deliveries in one batch is new (taken off as it is kept).
      const firstOfEach = events.filter((e) => fresh.delete(e.id));
      if (firstOfEach.length > 0) await invoke(tx, firstOfEach);
    });
  }

  /** Every handler gets its own group commit: one transaction at a time per handler in this process. */
  private registerHandlers(): void {
    if (this.handlers.size > 0 || this.schedules.size > 0) return;
    const found = discoverHandlers(this.discovery, this.scanner, this.reflector);
    for (const { consumer, definitions, invoke } of found.handlers) {
      const batcher = new MicroBatcher<EventEnvelope, void>({
        maxBatch: this.config.worker.eventBatchMax,
        maxWaitMs: 0,
        run: (events) => commitBisecting(events, (part) => retryOnConflict(() => this.commitBatch(consumer, invoke, part))),
      });
      for (const definition of definitions)
        this.handlers.set(definition.type, [...(this.handlers.get(definition.type) ?? []), { consumer, definition, batcher }]);
    }
    for (const { metadata, run } of found.schedules) this.schedules.add(metadata, run);
  }
}
