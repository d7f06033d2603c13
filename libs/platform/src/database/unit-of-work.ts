import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { PLATFORM_CONFIG } from '../platform.tokens';
import type { PlatformConfig } from '../config/platform-config';
import { rootLogger } from '../logging/logger';
import { endSpan, SpanKind, startSpan, traceparentOf, tracingEnabled } from '../tracing/tracing';
import type { RequestContext } from '../context/request-context';
import { Refusal } from './refusal';
import { TransactionContext, type PendingEvent } from './transaction-context';

export interface UnitOfWorkOptions {
  readonly isolation?: IsolationLevel;
}

/**
 * Runs work in one transaction and writes the events it emitted to the outbox before commit,
 * so a state change and its events are stored together or not at all.
 */
@Injectable()
export class UnitOfWork {
  private readonly notifyChannel: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
  ) {
    this.notifyChannel = outboxChannel(config.service.schema);
  }

  /**
   * A `Refusal` thrown by the work rolls everything back and is answered with its typed result.
   * Inside another unit of work, the work joins the outer transaction.
   */
  async run<T>(ctx: RequestContext, work: (tx: TransactionContext) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    if (ctx instanceof TransactionContext) return work(ctx);
    let tx: TransactionContext | undefined;
    let result: T;
    try {
      result = await this.transaction(options.isolation, async (em) => {
        tx = new TransactionContext(ctx, em);
        const value = await work(tx);
        await writeOutbox(em, tx.pendingEvents, this.notifyChannel);
        return value;
      });
    } catch (error) {
      if (error instanceof Refusal) return error.result as T;
      throw error;
    }
    for (const hook of tx?.takeAfterCommitHooks() ?? []) {
      try {
        await hook();
      } catch (error) {
        rootLogger().error({ err: error }, 'after-commit hook failed');
      }
    }
    return result;
  }

  private transaction<T>(isolation: IsolationLevel | undefined, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return isolation ? this.dataSource.transaction(isolation, work) : this.dataSource.transaction(work);
  }
}

/** LISTEN/NOTIFY channel that wakes a schema's relay as soon as events commit. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * One statement for all of a transaction's events, plus a wake-up for the relay on commit.
 * While tracing is on, each traced event gets an insert span in its own trace (one transaction
 * may serve several requests) and the outbox keeps that span's traceparent for the consumer.
 */
export async function writeOutbox(em: EntityManager, events: readonly PendingEvent[], channel: string): Promise<void> {
  if (events.length === 0) return;
  await withOutboxInsertSpans(events, (traceparents) =>
    em.query(
      `WITH written AS (
         INSERT INTO outbox (event_id, type, payload, request_id, occurred_at, deliver_at, traceparent)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[])
         RETURNING 1
       )
       SELECT pg_notify($8, '') FROM (SELECT 1 FROM written LIMIT 1) AS any_written`,
      [
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.payload)),
        events.map((e) => e.requestId),
        events.map((e) => e.occurredAt.toISOString()),
        events.map((e) => e.deliverAt?.toISOString() ?? null),
        traceparents,
        channel,
      ],
    ),
  );
}

/**
 * Runs a write of events into the outbox with, while tracing is on, an insert span per traced
 * event (each in its own trace: one statement may serve several requests). `write` gets the
 * traceparent each event's row keeps for its consumers: its insert span's, else its own, else null.
 */
export async function withOutboxInsertSpans<T>(
  events: ReadonlyArray<{ readonly id: string; readonly type: string; readonly traceparent?: string }>,
  write: (traceparents: Array<string | null>) => Promise<T>,
): Promise<T> {
  const spans = tracingEnabled() ? events.map((e) => (e.traceparent ? outboxInsertSpan(e.id, e.type, e.traceparent) : undefined)) : [];
  let written: T;
  try {
    written = await write(events.map((e, i) => (spans[i] ? traceparentOf(spans[i]) : (e.traceparent ?? null))));
  } catch (error) {
    for (const span of spans) endSpan(span, error);
    throw error;
  }
  for (const span of spans) endSpan(span);
  return written;
}

/** The producer span of one event written to the outbox, child of the request or event that caused it. */
function outboxInsertSpan(eventId: string, type: string, parent: string): ReturnType<typeof startSpan> {
  return startSpan(`outbox insert ${type}`, parent, {
    kind: SpanKind.PRODUCER,
    attributes: {
      'messaging.system': 'shopops.outbox',
      'messaging.operation.type': 'create',
      'messaging.message.id': eventId,
      'shopops.event_type': type,
    },
  });
}
