import type { TrackedEvent } from '@shopops/contracts';
import type { TransactionContext } from '@shopops/platform';

/**
 * Where behaviour events live. PostgreSQL (partitioned by day) today; a columnar engine
 * (ClickHouse, Doris) can implement the same contract when volumes call for it — the rollups
 * that KPIs read are kept beside it and do not depend on its engine.
 */
export interface EventStore {
  /** Stores the events not seen before (by event id, across batches and days); answers those it stored. */
  append(tx: TransactionContext, batches: readonly ClientEvents[]): Promise<TrackedEvent[]>;
}

/** One client's batch, as POST /events accepted it. */
export interface ClientEvents {
  readonly clientId: string;
  readonly events: readonly TrackedEvent[];
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Events are counted in the shop's calendar. */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';

/** The visitor an event belongs to: the member when signed in, else the anonymous id. */
export function visitorOf(e: TrackedEvent): string {
  return e.memberId ? `m:${e.memberId}` : `a:${e.anonymousId}`;
}
