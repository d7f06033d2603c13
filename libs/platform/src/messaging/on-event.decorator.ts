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
}

/** An event handler runs in a transaction with its inbox record: redelivery has no second effect. */
export type EventHandlerFn<T> = (tx: TransactionContext, event: EventEnvelope<T>) => Promise<void>;

/** Marks a provider method as the handler of one or more event types delivered to this service. */
export function OnEvent(...definitions: EventDefinition<any>[]): MethodDecorator {
  return SetMetadata<string, OnEventMetadata>(ON_EVENT, { definitions });
}

export function OnEventAs(consumer: string, ...definitions: EventDefinition<any>[]): MethodDecorator {
  return SetMetadata<string, OnEventMetadata>(ON_EVENT, { definitions, consumer });
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
