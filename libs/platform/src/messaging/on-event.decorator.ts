import { SetMetadata } from '@nestjs/common';
import type { EventDefinition, EventEnvelope } from '@shopops/contracts';
import type { RequestContext } from '../context/request-context';
import type { TransactionContext } from '../database/transaction-context';

export const ON_EVENT = 'shopops:on-event';
export const SCHEDULED = 'shopops:scheduled';

export interface OnEventMetadata {
  readonly definitions: readonly EventDefinition[];
  /** Inbox name; defaults to `Class.method`. Keep it stable: it is the idempotency scope. */
  readonly consumer?: string;
  /** Deliveries that arrive together are handled together, in one transaction. */
  readonly batched?: boolean;
}

/** An event handler runs in a transaction with its inbox record: redelivery has no second effect. */
export type EventHandlerFn<T> = (tx: TransactionContext, event: EventEnvelope<T>) => Promise<void>;

/** Marks a provider method as the handler of one or more event types delivered to this service. */
export function OnEvent(...definitions: EventDefinition[]): MethodDecorator {
  return SetMetadata<string, OnEventMetadata>(ON_EVENT, { definitions });
}

export function OnEventAs(consumer: string, ...definitions: EventDefinition[]): MethodDecorator {
  return SetMetadata<string, OnEventMetadata>(ON_EVENT, { definitions, consumer });
}

/** A batched handler receives every new (not yet processed) event of a batch at once. */
export type EventBatchHandlerFn<T> = (tx: TransactionContext, events: Array<EventEnvelope<T>>) => Promise<void>;

/**
 * Like OnEvent, but the method takes the new events of a relayed batch at once (up to
 * EVENT_BATCH_MAX) and can handle them set-based. Every handler runs a batch in one transaction
 * with one inbox statement (an @OnEvent method is called event after event inside it); a failing
 * batch is split in halves until the failing event is alone, so one bad event never fails its
 * neighbours. Handlers lock rows in a sorted order (not arrival order), so concurrent batches
 * never wait on each other crosswise.
 */
export function OnEventBatch(...definitions: EventDefinition[]): MethodDecorator {
  return SetMetadata<string, OnEventMetadata>(ON_EVENT, { definitions, batched: true });
}

export interface ScheduleMetadata {
  /** Unique within the service, e.g. `inventory.abc-classification`. */
  readonly name: string;
  /** Cron pattern; overridable per deployment with SCHEDULE_<NAME> (dots and dashes as _). */
  readonly cron: string;
  readonly timezone?: string;
}

export type ScheduledFn = (ctx: RequestContext) => Promise<void>;

/** Marks a provider method as a cron job run by the service's workers (one run per tick). */
export function Scheduled(metadata: ScheduleMetadata): MethodDecorator {
  return SetMetadata<string, ScheduleMetadata>(SCHEDULED, { timezone: 'Asia/Shanghai', ...metadata });
}
